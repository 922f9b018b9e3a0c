"""Reading inputs: every format, and every kind of bad input reported with where and why."""

from __future__ import annotations

import json
from datetime import date

import pytest

from eventwire.articles import MAX_ARTICLE_CHARS, parse_date, read_articles
from eventwire.errors import ArticleError
from eventwire.records import Article


def _split(items):
    good = [i for i in items if isinstance(i, Article)]
    bad = [i for i in items if isinstance(i, ArticleError)]
    return good, bad


def test_articles_txt_title_and_id(tmp_path):
    path = tmp_path / "story-1.txt"
    path.write_text("Leaders meet in Oslo\n\nThe leaders met on Friday.\n", encoding="utf-8")
    [art] = list(read_articles([path], published=date(2024, 1, 5)))
    assert isinstance(art, Article)
    assert art.id == "story-1"
    assert art.title == "Leaders meet in Oslo"
    assert art.published == date(2024, 1, 5)
    assert art.text.startswith("Leaders meet")


def test_articles_jsonl_keeps_order_and_reports_bad_lines(tmp_path):
    path = tmp_path / "batch.jsonl"
    lines = [json.dumps({"id": "a", "text": "One.", "published": "2024-02-01"}),
             "{not json",
             json.dumps({"id": "c", "text": ""}),
             json.dumps({"id": "d", "text": "Four.", "published": "yesterday-ish"}),
             json.dumps({"text": "Five."})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_articles([path]))
    assert [type(i).__name__ for i in items] == ["Article", "ArticleError", "ArticleError",
                                                 "ArticleError", "Article"]
    assert items[0].published == date(2024, 2, 1)
    assert "batch.jsonl:2" in str(items[1]) and "malformed JSON" in str(items[1])
    assert "id c" in str(items[2]) and "empty" in str(items[2])
    assert "unparseable published date" in str(items[3])
    assert items[4].id == "batch-5"


def test_articles_csv_and_html(tmp_path):
    csv_path = tmp_path / "rows.csv"
    csv_path.write_text('id,title,text,published\nx1,T,"Talks were held, officials said.",2023-05-06\n',
                        encoding="utf-8")
    html_path = tmp_path / "page.html"
    html_path.write_text("<html><head><title>Summit</title></head><body><nav>menu</nav>"
                         "<article><p>The two presidents met in Geneva on Monday to discuss "
                         "arms control and regional security in a long session.</p></article>"
                         "</body></html>", encoding="utf-8")
    good, bad = _split(list(read_articles([csv_path, html_path])))
    assert not bad
    assert good[0].id == "x1" and good[0].published == date(2023, 5, 6)
    assert "presidents met in Geneva" in good[1].text


def test_articles_binary_oversized_missing_and_encoding(tmp_path):
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02binary\x00" * 20)
    big = tmp_path / "big.txt"
    big.write_text("word " * (MAX_ARTICLE_CHARS // 4), encoding="utf-8")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Caf\xe9 talks resumed in Montr\xe9al.".encode("latin-1"))
    items = list(read_articles([binary, big, tmp_path / "missing.txt", latin]))
    good, bad = _split(items)
    reasons = [e.reason for e in bad]
    assert any("binary" in r for r in reasons)
    assert any("too large" in r for r in reasons)
    assert any("no such file" in r for r in reasons)
    assert len(good) == 1 and "Montréal" in good[0].text


def test_articles_directory_is_sorted(tmp_path):
    (tmp_path / "b.txt").write_text("Second story.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("First story.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    assert [a.id for a in read_articles([tmp_path])] == ["a", "b"]


def test_articles_ids_of_files_are_their_paths_under_the_directory(tmp_path):
    for folder in ("east", "west"):
        (tmp_path / "in" / folder).mkdir(parents=True)
        (tmp_path / "in" / folder / "001.txt").write_text(f"News from the {folder}.",
                                                          encoding="utf-8")
    (tmp_path / "in" / "west" / "feed.jsonl").write_text('{"text": "A line."}\n',
                                                          encoding="utf-8")
    assert [a.id for a in read_articles([tmp_path / "in"])] == ["east/001", "west/001",
                                                                 "west/feed-1"]
    assert [a.id for a in read_articles([tmp_path / "in" / "east"])] == ["001"]
    assert [a.id for a in read_articles([tmp_path / "in" / "west" / "001.txt"])] == ["001"]


def test_articles_record_ids_numbers_and_strings_are_one_id(tmp_path):
    path = tmp_path / "ids.jsonl"
    path.write_text("\n".join(json.dumps({"id": i, "text": "Talks."})
                              for i in (7, "7", 0, True, 1.5, [1], None)) + "\n", encoding="utf-8")
    items = list(read_articles([path]))
    assert [getattr(i, "id", None) for i in items] == ["7", "7", "0", None, None, None, "ids-7"]
    for bad in items[3:6]:
        assert isinstance(bad, ArticleError) and "must be a string or an integer" in bad.reason


@pytest.mark.parametrize("value,expected", [
    ("2022-09-29", date(2022, 9, 29)),
    ("2022-09-29T10:00:00Z", date(2022, 9, 29)),
    (None, None),
])
def test_articles_parse_date(value, expected):
    assert parse_date(value, "x") == expected


def test_articles_parse_date_rejects_garbage():
    with pytest.raises(ArticleError, match="unparseable"):
        parse_date("29/09/22", "row 3")


def test_articles_date_with_trailing_garbage_is_not_a_date():
    with pytest.raises(ArticleError, match="unparseable"):
        parse_date("2024-01-01garbage", "x")
    assert parse_date("2024-01-01T10:30:00Z", "x") == date(2024, 1, 1)
    assert parse_date("0001-01-01", "x") == date(1, 1, 1)
    assert parse_date("9999-12-31", "x") == date(9999, 12, 31)


def test_articles_csv_field_over_the_limit_is_one_bad_record(tmp_path):
    path = tmp_path / "feed.csv"
    huge = "x " * (MAX_ARTICLE_CHARS // 2 + 10)  # one field past the article size limit
    path.write_text('id,text\nfirst,"The minister spoke."\n'
                    f'big,"{huge}\nstill the big field"\n'
                    'last,"Talks resumed, officials said."\n', encoding="utf-8")
    items = list(read_articles([path]))
    assert [type(i).__name__ for i in items] == ["Article", "ArticleError", "Article"]
    assert [items[0].id, items[2].id] == ["first", "last"]
    assert str(items[1]).startswith(f"{path}:3: field 'text' too large")


def test_articles_utf16_with_a_bom_is_decoded(tmp_path):
    txt, feed = tmp_path / "note.txt", tmp_path / "feed.jsonl"
    txt.write_bytes("Talks in Zürich went on.\n".encode("utf-16"))  # with its BOM
    feed.write_bytes((json.dumps({"id": "z", "text": "Talks in Zürich."}, ensure_ascii=False)
                      + "\n").encode("utf-16"))
    good, bad = _split(list(read_articles([txt, feed])))
    assert not bad
    assert [a.text.strip() for a in good] == ["Talks in Zürich went on.", "Talks in Zürich."]


def test_articles_control_characters_in_ids_are_refused(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "a\x1b[31mb", "text": "One."}) + "\n"
                    + json.dumps({"id": "tab\there", "text": "Two."}) + "\n", encoding="utf-8")
    good, bad = _split(list(read_articles([feed])))
    assert not good and all("control characters" in str(e) for e in bad) and len(bad) == 2


def test_articles_binary_jsonl_is_one_error(tmp_path):
    path = tmp_path / "blob.jsonl"
    path.write_bytes(bytes(range(256)) * 64 + b"\n" * 400)
    items = list(read_articles([path]))
    assert [str(i) for i in items] == [f"{path}: binary content, not JSON Lines"]


def test_articles_fifo_broken_link_and_empty_inputs_are_reported(tmp_path):
    import os

    fifo, link, empty, blank_csv = (tmp_path / "pipe.jsonl", tmp_path / "gone.txt",
                                    tmp_path / "empty.jsonl", tmp_path / "empty.csv")
    os.mkfifo(fifo)  # reading it would block for ever
    link.symlink_to(tmp_path / "nowhere.txt")
    empty.write_text("\n", encoding="utf-8")
    blank_csv.write_text("", encoding="utf-8")
    folder = tmp_path / "dir"
    folder.mkdir()
    (folder / "dead.txt").symlink_to(tmp_path / "nowhere.txt")
    items = [str(i) for i in read_articles([fifo, link, empty, blank_csv, folder])]
    assert items[0].startswith(f"{fifo}: not a regular file")
    assert items[1:] == [f"{link}: broken symbolic link", f"{empty}: empty input (no JSON lines)",
                         f"{blank_csv}: empty file", f"{folder / 'dead.txt'}: broken symbolic link",
                         f"{folder}: directory holds no .txt, .html, .jsonl or .csv file"]


# -- input field names ------------------------------------------------------------------------

def _warnings(caplog):
    return [r.getMessage() for r in caplog.records
            if r.name == "eventwire" and r.levelname == "WARNING"]


def test_articles_input_field_table_is_consistent():
    from eventwire.articles import ARTICLE_FIELDS, FIELD_ALIASES, field_key

    assert set(FIELD_ALIASES) == set(ARTICLE_FIELDS)
    keys = [field_key(a) for aliases in FIELD_ALIASES.values() for a in aliases]
    assert len(keys) == len(set(keys)), "an alias may fill only one field"
    assert not set(keys) & {field_key(f) for f in ARTICLE_FIELDS}
    for name in ("publish_date", "date", "pub_date", "published_at", "headline", "body",
                 "content", "article", "link"):
        assert field_key(name) in keys, name
    assert field_key("publishedAt") == field_key("published_at") == field_key("Published-At")


def test_articles_jsonl_common_field_names_fill_the_article(tmp_path, caplog):
    path = tmp_path / "feeds.jsonl"
    records = [
        {"title": "Talks", "publishedAt": "2024-03-01T10:00:00Z", "content": "Ministers met.",
         "url": "https://example.org/1", "source": {"id": None, "name": "Wire News"}},
        {"headline": "Summit", "publish_date": "2024-03-02 08:00:00", "body": "Leaders met.",
         "link": "https://example.org/2", "publisher": "Daily", "article_id": "n2"},
        {"Headline": "Vote", "pub_date": "Tue, 05 Mar 2024 10:00:00 GMT", "ARTICLE": "MPs voted."},
        {"date": "2024-03-06", "text": "Envoys talked.", "published_at": "2024-03-07"},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    good, bad = _split(list(read_articles([path])))
    assert not bad
    [line] = _warnings(caplog)  # only the last record leaves a field unread
    assert line == (f"{path}: fields ignored: date (published given first); read "
                    "publishedAt as published, content as text, article_id as id, headline as "
                    "title, publish_date as published, publisher as source, link as url, body as "
                    "text, Headline as title, pub_date as published, ARTICLE as text, "
                    "published_at as published")
    assert [(a.id, a.title, a.published, a.text, a.url, a.source) for a in good] == [
        ("feeds-1", "Talks", date(2024, 3, 1), "Ministers met.", "https://example.org/1",
         "Wire News"),
        ("n2", "Summit", date(2024, 3, 2), "Leaders met.", "https://example.org/2", "Daily"),
        ("feeds-3", "Vote", date(2024, 3, 5), "MPs voted.", None, None),
        # among aliases the table's order decides: published_at comes before date
        ("feeds-4", None, date(2024, 3, 7), "Envoys talked.", None, None),
    ]


def test_articles_canonical_name_wins_and_the_loser_is_warned_once(tmp_path, caplog):
    path = tmp_path / "both.jsonl"
    path.write_text("".join(json.dumps({
        "text": f"Talks {i}.", "body": "other words", "published": "2024-01-01",
        "publish_date": "2023-05-05", "author": "A. Writer", "tags": ["x"]}) + "\n"
        for i in range(3)), encoding="utf-8")
    good, _ = _split(list(read_articles([path])))
    assert [(a.text, a.published) for a in good] == [
        (f"Talks {i}.", date(2024, 1, 1)) for i in range(3)]
    [line] = _warnings(caplog)
    assert "\n" not in line
    assert line == (f"{path}: fields ignored: author, body (text given first), "
                    "publish_date (published given first), tags")


def test_articles_an_empty_canonical_field_lets_an_alias_fill_it(tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text("id,text,published,date\n"
                    "a,One.,,2024-02-02\n"
                    "b,Two.,2024-02-03,2020-01-01\n", encoding="utf-8")
    good, bad = _split(list(read_articles([path])))
    assert not bad
    assert [a.published for a in good] == [date(2024, 2, 2), date(2024, 2, 3)]


def test_articles_csv_with_other_column_names(tmp_path, caplog):
    path = tmp_path / "export.csv"
    path.write_text("headline,Body,pub_date,link,author\n"
                    'Aid,"Aid arrived, officials said.",2024-04-01,https://example.org/a,Ann\n'
                    'Vote,"The vote passed.",2024-04-02,https://example.org/b,Bob\n',
                    encoding="utf-8")
    no_text = tmp_path / "nothing.csv"
    no_text.write_text("headline,summary\nA,B\n", encoding="utf-8")
    items = list(read_articles([path, no_text]))
    good, bad = _split(items)
    assert [(a.id, a.title, a.text, a.published, a.url) for a in good] == [
        ("export-1", "Aid", "Aid arrived, officials said.", date(2024, 4, 1),
         "https://example.org/a"),
        ("export-2", "Vote", "The vote passed.", date(2024, 4, 2), "https://example.org/b")]
    [error] = bad
    assert str(error).startswith(f"{no_text}: CSV has no 'text' column (nor body, content")
    assert _warnings(caplog) == [f"{path}: fields ignored: author; read headline as title, "
                                 "pub_date as published, link as url, Body as text"]


def test_articles_ignored_fields_are_warned_once_per_file(tmp_path, caplog):
    paths = []
    for name in ("a", "b"):
        path = tmp_path / f"{name}.jsonl"
        path.write_text("".join(json.dumps({"text": "Talks.", "lang": "en", f"x{i}": i}) + "\n"
                                for i in range(4)), encoding="utf-8")
        paths.append(path)
    clean = tmp_path / "clean.jsonl"
    clean.write_text(json.dumps({"text": "Talks.", "headline": "T"}) + "\n", encoding="utf-8")
    assert len(list(read_articles([*paths, clean]))) == 9
    assert _warnings(caplog) == [f"{p}: fields ignored: lang, x0, x1, x2, x3" for p in paths]


@pytest.mark.model
def test_articles_cli_reads_aliases_and_warns_on_standard_error(tmp_path, capsys, nlp):
    from eventwire.cli import main

    src = tmp_path / "feed.jsonl"
    src.write_text(json.dumps({"id": "k1", "headline": "Visit", "publish_date": "2024-06-10",
                               "body": "The Chilean president met the Peruvian president in "
                                       "Lima on Friday.", "author": "Staff"}) + "\n",
                   encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(src), "--out", str(out)]) == 0
    err = capsys.readouterr().err
    [doc] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert doc["article"]["title"] == "Visit" and doc["article"]["published"] == "2024-06-10"
    assert doc["article"]["text"].startswith("The Chilean president")
    warned = [line for line in err.splitlines() if "fields ignored" in line]
    assert warned == [f"eventwire: {src}: fields ignored: author; read headline as title, "
                      "publish_date as published, body as text"]


def test_articles_parse_date_reads_rss_dates():
    assert parse_date("Tue, 05 Mar 2024 23:30:00 -0500", "x") == date(2024, 3, 5)
    assert parse_date("5 Mar 2024 10:00:00 GMT", "x") == date(2024, 3, 5)
    with pytest.raises(ArticleError, match="unparseable"):
        parse_date("Tue, 45 Mar 2024 10:00:00 GMT", "x")
