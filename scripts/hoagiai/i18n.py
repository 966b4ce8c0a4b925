"""Our own UI strings (Material's are in its partials; Khmer ones are reference translations)."""

from hoagiai.curriculum import DEFAULT_LOCALE as DEFAULT
from hoagiai.curriculum import LOCALES  # noqa: F401 (the UI languages are the site's)

STRINGS: dict[str, dict[str, str]] = {
    "fallback.notice": {
        "vi": "Trang này chưa được dịch.",
        "en": "This page has not been translated yet. It is shown in Vietnamese.",
        "km": "ទំព័រនេះមិនទាន់បានបកប្រែនៅឡើយទេ។ វាត្រូវបានបង្ហាញជាភាសាវៀតណាម។",
    },
    "review.pending": {
        "vi": "Bản dịch tham khảo, đang chờ người bản ngữ rà soát.",
        "en": "Reference translation, awaiting review by a native speaker.",
        "km": "នេះជាការបកប្រែសម្រាប់ឯកសារយោង កំពុងរង់ចាំការពិនិត្យដោយអ្នកនិយាយភាសាខ្មែរពីកំណើត។",
    },
    "notfound.title": {
        "vi": "Không tìm thấy trang",
        "en": "Page not found",
        "km": "រកមិនឃើញទំព័រ",
    },
    "notfound.body": {
        "vi": "Trang bạn tìm không có ở đây. Hãy về trang chủ hoặc dùng ô tìm kiếm.",
        "en": "The page you are looking for is not here. Go to the home page or use search.",
        "km": "ទំព័រដែលអ្នកកំពុងស្វែងរកមិនមាននៅទីនេះទេ។ សូមត្រឡប់ទៅទំព័រដើម ឬប្រើការស្វែងរក។",
    },
    "notfound.home": {"vi": "Về trang chủ", "en": "Go to the home page", "km": "ទៅទំព័រដើម"},
    # A province setting not known yet (`TODO: publisher`): readers see this instead (hoagiai.province).
    "province.pending": {
        "vi": "Sở Tư pháp sẽ cập nhật",
        "en": "to be announced by the Department of Justice",
        "km": "មន្ទីរយុត្តិធម៌នឹងធ្វើបច្ចុប្បន្នភាព",
    },
    # Citations of an article read only in a secondary source (the register's `secondary:`).
    "unverified.label": {"vi": "chưa kiểm chứng", "en": "not verified", "km": "មិនទាន់ផ្ទៀងផ្ទាត់"},
    "unverified.secondary": {
        "vi": "chỉ mới đọc trong bản sao thứ cấp",
        "en": "read only in a secondary copy",
        "km": "បានអានតែក្នុងច្បាប់ចម្លងបន្ទាប់បន្សំ",
    },
    "mail.subject": {
        "vi": "Câu hỏi về hòa giải ở cơ sở",
        "en": "Question about grassroots mediation",
        "km": "សំណួរអំពីការសម្រុះសម្រួលនៅមូលដ្ឋាន",
    },
    # Reading aids (hoagiai.reading); the read-aloud player's own strings are in assets/js/speak.js.
    "textsize.label": {"vi": "Cỡ chữ", "en": "Text size", "km": "ទំហំអក្សរ"},
    "textsize.smaller": {"vi": "Chữ nhỏ hơn", "en": "Smaller text", "km": "អក្សរតូចជាង"},
    "textsize.larger": {"vi": "Chữ lớn hơn", "en": "Larger text", "km": "អក្សរធំជាង"},
    "speak.page": {"vi": "Nghe", "en": "Listen", "km": "ស្តាប់"},
    "speak.answer": {"vi": "Nghe câu trả lời", "en": "Listen to the answer", "km": "ស្តាប់ចម្លើយ"},
    "share": {"vi": "Chia sẻ", "en": "Share", "km": "ចែករំលែក"},
    "share.copied": {
        "vi": "Đã chép liên kết. Dán vào Zalo hoặc tin nhắn để gửi.",
        "en": "Link copied. Paste it into Zalo or a message to send it.",
        "km": "បានចម្លងតំណហើយ។ បិទភ្ជាប់ក្នុង Zalo ឬសារ ដើម្បីផ្ញើ។",
    },
    "share.manual": {
        "vi": "Chép liên kết này để gửi:",
        "en": "Copy this link to send it:",
        "km": "ចម្លងតំណនេះដើម្បីផ្ញើ៖",
    },
}


def t(key: str, locale: str) -> str:
    texts = STRINGS[key]
    return texts.get(locale) or texts[DEFAULT]
