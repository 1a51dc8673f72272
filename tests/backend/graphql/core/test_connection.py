import pytest
from graphql import GraphQLError

from backend.graphql.core.connection import encode_cursor, paginate
from producers.models import LegalForm, Producer

NAMES = ["An", "Bình", "Bình", "Cúc", "Dung", "Đào", "Giang"]


@pytest.fixture
def producers(db):
    return [
        Producer.objects.create(
            name=name,
            legal_name=name,
            slug=f"p-{index}",
            legal_form=LegalForm.HOP_TAC_XA,
            province_code="38",
        )
        for index, name in enumerate(NAMES)
    ]


def page(args, **kwargs):
    return paginate(
        Producer.objects.unscoped(),
        args,
        sort_fields=["name"],
        connection_name="producers",
        **kwargs,
    )


def test_forward_pages_cover_every_row_once_in_order(producers):
    # given
    seen, after = [], None

    # when
    while True:
        result = page({"first": 2, "after": after})
        seen += [producer.pk for producer in result.nodes]
        if not result.has_next_page:
            break
        after = result.cursors[-1]

    # then
    expected = list(Producer.objects.unscoped().order_by("name", "pk").values_list("pk", flat=True))
    assert seen == expected


def test_backward_pages_with_last_and_before(producers):
    ordered = list(Producer.objects.unscoped().order_by("name", "pk"))

    last_two = page({"last": 2})
    assert last_two.nodes == ordered[-2:]
    assert last_two.has_previous_page is True

    before = page({"last": 2, "before": last_two.cursors[0]})
    assert before.nodes == ordered[-4:-2]
    assert before.has_next_page is True


def test_descending_order(producers):
    result = page({"first": 3}, descending=True)

    assert result.nodes == list(Producer.objects.unscoped().order_by("-name", "-pk")[:3])


def test_duplicate_sort_values_do_not_skip_rows(producers):
    first = page({"first": 2})  # An, Bình(1)
    second = page({"first": 2, "after": first.cursors[-1]})

    assert [p.name for p in first.nodes + second.nodes] == ["An", "Bình", "Bình", "Cúc"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ({}, "You must provide a `first` or `last` value"),
        ({"first": 101}, "exceeds the `first` limit of 100"),
        ({"last": 1000}, "exceeds the `last` limit of 100"),
        ({"first": -1}, "cannot be negative"),
        ({"first": 1, "last": 1}, "is not supported"),
        ({"first": 1, "after": "not-base64!"}, "Received cursor is invalid."),
        ({"first": 1, "after": encode_cursor(["only-one-value"])}, "Received cursor is invalid."),
        ({"first": 1, "after": encode_cursor([{"x": 1}, 2])}, "Received cursor is invalid."),
        ({"first": 1, "after": encode_cursor(["An", "not-a-pk"])}, "Received cursor is invalid."),
    ],
)
def test_bad_pagination_arguments_are_clear_errors(producers, args, message):
    with pytest.raises(GraphQLError, match=message.replace("`", ".").replace("(", ".")):
        page(args)


def test_sql_metacharacters_in_a_cursor_are_only_data(producers):
    result = page({"first": 5, "after": encode_cursor(["'; DROP TABLE producers_producer; --", 0])})

    assert Producer.objects.unscoped().count() == len(NAMES)
    assert all(p.name > "'" for p in result.nodes)
