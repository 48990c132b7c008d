"""Datelines: where a report was filed, set apart from what it is about (naba.text.dateline)."""

from __future__ import annotations

import pytest

from naba.text import dateline_end, without_dateline


@pytest.mark.parametrize("body,rest", [
    ("دبي، الإمارات العربية المتحدة (CNN) -- يجري كريستيان عيد", "يجري كريستيان عيد"),
    ("أتلانتا، الولايات المتحدة الأمريكية (CNN)-- أطلق سراح", "أطلق سراح"),
    ("(CNN)-- بدأ أكثر من 100 جندي", "بدأ أكثر من 100 جندي"),
    ("عين اليوم – الرياض\n\nأصدر رئيس الجمهورية", "أصدر رئيس الجمهورية"),
    ("الرياض – واس\nأعلن وزير", "أعلن وزير"),
    ("جدة - رويترز\nقال مسؤول", "قال مسؤول"),
])
def test_datelines_are_set_apart(body, rest):
    assert without_dateline(body) == rest


@pytest.mark.parametrize("body", [
    "اشتدت حدة المواجهات على جبهة الزبداني - بحسب ناشطين - لمقتل قيادي",   # a dash inside a sentence
    "قال رئيس الوزراء الاسترالي توني أبوت، يوم أمس (الثلاثاء)، ان بلاده",  # parentheses, no dash after
    "1934 - اغتيال المستشار النمسوي",                                        # a year and an event
    "أعلنت وزارة الصحة اليوم عن حالات جديدة.",
])
def test_text_without_a_dateline_is_left_whole(body):
    assert dateline_end(body) == 0
    assert without_dateline(body) == body
