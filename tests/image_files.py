"""Pictures the image tests make for themselves with Pillow (no binary fixtures)."""

import io
import struct
import zlib

from PIL import Image as PILImage


def picture(size=(400, 300), color="steelblue", mode="RGB"):
    return PILImage.new(mode, size, color)


def encode(image, format="JPEG", **options):
    out = io.BytesIO()
    image.save(out, format=format, **options)
    return out.getvalue()


def jpeg(size=(400, 300), color="steelblue", **options):
    return encode(picture(size, color), "JPEG", **options)


def png(size=(400, 300), color="steelblue", mode="RGB", **options):
    return encode(picture(size, color, mode), "PNG", **options)


def with_square(size=(800, 400), at=(0.8, 0.3), side=40, format="PNG"):
    """A grey picture with a red square centred at `at` (fractions of the size)."""
    image = picture(size, "grey")
    x, y = round(at[0] * size[0]), round(at[1] * size[1])
    image.paste((255, 0, 0), (x - side // 2, y - side // 2, x + side // 2, y + side // 2))
    return encode(image, format)


def zero_pixel_png():
    """A PNG whose header says 0 x 0 pixels (Pillow cannot make one itself)."""

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 0, 0, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b""))
        + chunk(b"IEND", b"")
    )


def iptc_jpeg(fields, size=(200, 100)):
    """A JPEG with an IPTC block (APP13, Photoshop 3.0 / 8BIM 0x0404) holding
    {(2, dataset): text}, spliced in after the SOI marker as writers do."""
    iptc = b"".join(
        b"\x1c" + bytes([record, dataset]) + struct.pack(">H", len(text.encode())) + text.encode()
        for (record, dataset), text in fields.items()
    )
    if len(iptc) % 2:
        iptc += b"\x00"
    resource = b"8BIM" + struct.pack(">H", 0x0404) + b"\x00\x00" + struct.pack(">I", len(iptc))
    payload = b"Photoshop 3.0\x00" + resource + iptc
    segment = b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload
    data = jpeg(size)
    return data[:2] + segment + data[2:]


def xmp_packet(description="", credit="", rights=""):
    return f"""<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF
 xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" photoshop:Credit="{credit}">
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{description}</rdf:li></rdf:Alt>
</dc:description>
<dc:rights><rdf:Alt><rdf:li xml:lang="x-default">{rights}</rdf:li></rdf:Alt></dc:rights>
</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>""".encode()
