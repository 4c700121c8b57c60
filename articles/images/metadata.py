"""Caption, credit and copyright read from a picture's own metadata: IPTC, then XMP, then
EXIF, the order in which news agencies fill them in (IPTC is the wire's own standard; XMP
carries the same fields in newer files; EXIF is what cameras write).

Pure: it takes an opened Pillow image and returns text, so it is fast to test.
"""

import xml.etree.ElementTree as ET

from PIL import Image as PILImage
from PIL import IptcImagePlugin

FIELDS = ("caption", "credit", "copyright")

# IPTC IIM (record 2) dataset numbers.
IPTC = {
    "caption": [(2, 120)],  # Caption/Abstract
    "credit": [(2, 110), (2, 80)],  # Credit, else By-line
    "copyright": [(2, 116)],  # Copyright Notice
}

NS = {
    "dc": "http://purl.org/dc/elements/1.1/",
    "photoshop": "http://ns.adobe.com/photoshop/1.0/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
}
XMP = {
    "caption": ["dc:description"],
    "credit": ["photoshop:Credit", "dc:creator"],
    "copyright": ["dc:rights"],
}

# EXIF tags (IFD0).
EXIF = {"caption": [0x010E], "credit": [0x013B], "copyright": [0x8298]}


def read_credits(picture: PILImage.Image) -> dict[str, str]:
    """{"caption", "credit", "copyright"} -> text found in the file ("" where none)."""
    sources = [_iptc(picture), _xmp(picture), _exif(picture)]
    return {
        name: next((source[name] for source in sources if source.get(name)), "") for name in FIELDS
    }


def _text(value) -> str:
    if isinstance(value, list | tuple):
        value = value[0] if value else b""
    if isinstance(value, bytes):
        # IPTC text is UTF-8 in modern files; older ones are Latin-1, which never fails.
        try:
            value = value.decode("utf-8")
        except UnicodeDecodeError:
            value = value.decode("latin-1")
    return " ".join(str(value).replace("\x00", "").split())


def _iptc(picture) -> dict[str, str]:
    try:
        info = IptcImagePlugin.getiptcinfo(picture) or {}
    except Exception:  # a broken IPTC block must not stop an upload
        return {}
    found = {}
    for name, keys in IPTC.items():
        for key in keys:
            if info.get(key) and (text := _text(info[key])):
                found[name] = text
                break
    return found


def _xmp_packet(picture) -> bytes:
    """The raw XMP packet, wherever this format keeps it."""
    info = picture.info
    packet = info.get("xmp") or info.get("XML:com.adobe.xmp") or b""
    return packet.encode() if isinstance(packet, str) else packet


def _xmp(picture) -> dict[str, str]:
    packet = _xmp_packet(picture)
    if not packet:
        return {}
    try:
        # The standard library's parser: the expat it ships refuses entity expansion
        # attacks (billion laughs) since 2.4.1, and XMP needs no DTD.
        root = ET.fromstring(packet.strip(b"\x00 \n\r\t"))
    except ET.ParseError:
        return {}
    found = {}
    for name, properties in XMP.items():
        for prop in properties:
            if text := _xmp_value(root, prop):
                found[name] = text
                break
    return found


def _xmp_value(root, prop: str) -> str:
    prefix, local = prop.split(":")
    qualified = f"{{{NS[prefix]}}}{local}"
    for description in root.iter(f"{{{NS['rdf']}}}Description"):
        # Simple properties may be attributes of the description...
        if description.get(qualified):
            return _text(description.get(qualified))
        # ...or elements, holding text or an rdf:Alt / rdf:Seq / rdf:Bag of rdf:li.
        for element in description.iter(qualified):
            items = [li.text for li in element.iter(f"{{{NS['rdf']}}}li") if li.text]
            text = items[0] if items else element.text
            if text and text.strip():
                return _text(text)
    return ""


def _exif(picture) -> dict[str, str]:
    try:
        exif = picture.getexif()
    except Exception:
        return {}
    found = {}
    for name, tags in EXIF.items():
        for tag in tags:
            if exif.get(tag) and (text := _text(exif[tag])):
                found[name] = text
                break
    return found
