"""URL converters of the public site."""


class TagSlugConverter:
    """A tag's slug. django-taggit keeps the letters of every script in the slugs it makes
    ("zürich", "日本"), which Django's <slug:> converter would refuse."""

    regex = r"[-\w]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value
