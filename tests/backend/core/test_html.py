import pytest
from hypothesis import given
from hypothesis import strategies as st

from backend.core.html import sanitize_html


@pytest.mark.parametrize(
    "dirty",
    [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        '<a href="javascript:alert(1)">bấm</a>',
        "<svg><script>alert(1)</script></svg>",
        "<iframe src=//evil.example></iframe>",
        "<<script>script>alert(1)<</script>/script>",
        '<p style="background:url(javascript:alert(1))">x</p>',
    ],
)
def test_scripts_never_survive(dirty):
    clean = sanitize_html(dirty).lower()

    assert "<script" not in clean
    assert "javascript:" not in clean
    assert "onerror" not in clean
    assert "<iframe" not in clean


def test_formatting_and_vietnamese_text_are_kept():
    html = '<p><strong>Chè Thái Nguyên</strong> – <a href="https://ocop.example">xem</a></p>'

    assert sanitize_html(html) == (
        "<p><strong>Chè Thái Nguyên</strong> – "
        '<a href="https://ocop.example" rel="noopener noreferrer nofollow">xem</a></p>'
    )


@given(st.text())
def test_no_input_produces_a_script_tag(text):
    assert "<script" not in sanitize_html(text + "<script>x</script>").lower()
