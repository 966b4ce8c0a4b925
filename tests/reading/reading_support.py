"""Constants shared by the reading-aid tests (a uniquely named module: several test folders have a conftest.py)."""

from pathlib import Path

STUB = Path(__file__).with_name("tts_stub.js")
PUBLIC_URL = "https://stp.tinh.test/hoa-giai-co-so/"  # not a placeholder address: the share button is built
VI = {"name": "Giọng Việt", "lang": "vi_VN", "localService": True}  # Android writes vi_VN
VOICES = [{"name": "US English", "lang": "en-US", "localService": True},
          {"name": "Vietnamese online", "lang": "vi-VN", "localService": False}, VI,
          {"name": "Khmer", "lang": "km-KH", "localService": True}]
