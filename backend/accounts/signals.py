"""Signals other apps connect to, so accounts never imports them.

``user_deleting``
    Sent by ``services.user_delete`` inside its transaction, *before* the person's data are
    erased, with ``user`` (the ``User`` being deleted). Receivers anonymise or detach what
    they own (orders keep the amounts accounting needs but drop names, phone numbers and
    addresses). A receiver that raises aborts the deletion.

``user_data_exporting``
    Sent by ``services.user_data_export`` with ``user``. Each receiver returns
    ``(section_name, json_serialisable_value)``; the export holds one key per section
    (e.g. ``("orders", [...])``).
"""

from django.dispatch import Signal

user_deleting = Signal()
user_data_exporting = Signal()
