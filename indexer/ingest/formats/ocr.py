"""Optional OCR for PDF pages without a text layer: Tesseract through pytesseract, on the
page's images as pypdf decodes them. Used only when both are installed (`pip install
'.[ocr]'` and Debian's `tesseract-ocr`)."""

from __future__ import annotations

import shutil
from functools import lru_cache

LANGUAGES = "eng"  # add "+aze+rus" when those Tesseract language packs are installed


@lru_cache(maxsize=1)
def available() -> bool:
    try:
        import pytesseract  # noqa: F401
    except ImportError:
        return False
    return shutil.which("tesseract") is not None


def page_text(page) -> str:
    import pytesseract

    texts = []
    for image in page.images:
        try:
            texts.append(pytesseract.image_to_string(image.image, lang=LANGUAGES))
        except Exception:  # noqa: BLE001 - an image Tesseract cannot read gives no text
            continue
    return "\n\n".join(texts)
