"""Extraction and cleaning: a decoded page to the article ``text`` and its metadata.

- ``segment``: page → candidate lines (HTML via trafilatura, plain text by line);
- ``templates``: lines recurring on several pages of a site (site furniture);
- ``lines``: single-line rules (phrase families of ``data/lines.json``, metadata lines);
- ``layout``: positional rules (body span, title, head lines, lists, cut tail);
- ``pubdate``: the publication date (HTML, URL, text, WARC, option);
- ``clean``: all of it applied to a ``Doc``.

The stages in ``rasad.stages.extract`` wrap these. (The package is not called ``extract`` so
that it does not shadow the public function ``rasad.extract()``.)
"""
