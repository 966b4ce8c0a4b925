"""Our own UI strings (Material's are in its partials; Khmer ones are reference translations)."""

LOCALES = ("vi", "en", "km")
DEFAULT = "vi"

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
}


def t(key: str, locale: str) -> str:
    texts = STRINGS[key]
    return texts.get(locale) or texts[DEFAULT]
