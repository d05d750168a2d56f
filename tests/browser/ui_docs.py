"""Test documents for the search page: more publishers, years and languages than the seed
corpus, enough hits to paginate, and markup payloads that must stay inert text."""

XSS_TITLE = "Khojaly report <script>alert(1)</script> and <img src=x onerror=alert(1)>"
XSS_PUBLISHER = 'Evil "><svg onload=alert(1)> Press'

_PARAGRAPH = (
    "Residents of {name} recalled the night of 25 to 26 February 1992, when the town was "
    "attacked and hundreds of civilians were killed while fleeing through the forest."
)


# What each report adds of its own: without it the reports would be copies of one text,
# and the search page would show them as one hit with copies.
_OWN = [
    "A shepherd from Nakhchivanik described the cold and the deep snow on the mountain path, "
    "where his neighbours carried children on their backs and lost their shoes in the mud.",
    "The correspondent counted the bodies on the hillside near Askeran before nightfall and "
    "wrote down what the soldiers guarding the road told him about the column of refugees.",
    "Doctors in Agdam treated frostbite among the survivors who reached the hospital, and "
    "nurses slept in the corridors for a week because the wards had no more empty beds.",
    "A schoolteacher listed the names of her pupils who never arrived in the city and gave "
    "the list to the commission, which read it aloud at the first hearing in the spring.",
    "Parliament in Baku held a session that lasted until the early hours of the morning, and "
    "deputies demanded the resignation of the president over the defence of the district.",
    "Relatives gathered at the mosque to read the lists that officials had posted on the "
    "wall, and volunteers brought bread, blankets and tea to the families waiting outside.",
    "A photographer flew over the valley in a helicopter and filmed the fields below, and "
    "his pictures were shown on television abroad a few days later with a short report.",
]


def _doc(i: int, publisher: str, published: str, name: str = "Khojaly", **extra) -> dict:
    text = f"Report {i} on {name}\n\n{_PARAGRAPH.format(name=name)}\n\n{_OWN[(i - 1) % 7]}"
    return {
        "id": f"ui-{i:02d}",
        "title": f"Report {i} on {name}",
        "text": text,
        "publisher": publisher,
        "published": published,
        "language": "en",
        "provenance": "Written for the tests of the search page.",
        "url": f"https://example.org/reports/{i}",
    } | extra


UI_DOCS = [
    _doc(1, "Caucasus Herald", "1992-03-01"),
    _doc(2, "Caucasus Herald", "1993-02-26"),
    _doc(3, "Caucasus Herald", "2012-02-26"),
    _doc(4, "Baku Review", "1994-02-26", name="Hojaly"),
    _doc(5, "Baku Review", "2010-02-26"),
    _doc(6, "Baku Review", "2022-02-26"),
    _doc(7, "Baku Review", "2022-03-01"),
    _doc(
        8,
        "Caucasus Herald",
        "2002-02-26",
        title="Xocalı soyqırımı haqqında",
        text="Xocalı soyqırımı haqqında\n\nXocalı şəhərində 1992-ci ildə dinc sakinlər qətlə "
        "yetirildi. Xocalı faciəsi hər il anılır.",
        language="az",
    ),
    {
        "id": "ui-xss",
        "title": XSS_TITLE,
        "text": f"{XSS_TITLE}\n\nThe page must show <script>alert(1)</script> and "
        "<img src=x onerror=alert(1)> as text. Khojaly was attacked in February 1992.",
        "publisher": XSS_PUBLISHER,
        "published": "2001-02-26",
        "language": "en",
        "provenance": 'Quoted "<b>bold</b>" <script>alert(2)</script>',
        "url": "javascript:alert(3)",
    },
]
