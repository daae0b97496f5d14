"""Demo data is realistic (NIKs consistent with birth date, sex and a real region; ages fit the
cluster; every assessment outcome present) and deterministic."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from pantidesk.db.models import Assessment, Person, Region, Stay
from pantidesk.domain.dates import age_on
from pantidesk.domain.enums import AssessmentDecision, NikState
from pantidesk.domain.nik import check_nik
from pantidesk.domain.registration import is_valid_no_induk
from pantidesk.services.demo import DemoOptions, create_demo_installation, is_demo
from tests.conftest import ADMIN, FAST_KDF, PASSWORD, login, make_clock


def test_demo_persons_are_consistent(demo_ctx) -> None:  # type: ignore[no-untyped-def]
    today = demo_ctx.clock.today()
    with demo_ctx.reading() as session:
        persons = session.scalars(select(Person)).all()
        regions = set(session.scalars(select(Region.code)))
        decisions = set(session.scalars(select(Assessment.decision)))
        stays = session.scalars(select(Stay)).all()
        ages = [age_on(s.person.birth_date, s.admitted_on) for s in stays]
    assert decisions == {*AssessmentDecision, None}
    with_nik = [p for p in persons if p.nik_state is NikState.PUNYA]
    assert with_nik and len(with_nik) < len(persons)
    for person in with_nik:
        check = check_nik(person.nik, today=today, sex=person.sex, birth_date=person.birth_date)
        assert check.ok and not check.warnings, (person.nik, check.warnings)
    for person in persons:
        assert person.origin_regency in regions
        assert person.nik or person.nik_state is not NikState.PUNYA
    assert min(ages) >= 59  # Tresna Werdha: elderly
    assert all(is_valid_no_induk(s.no_induk) for s in stays)
    assert len({s.no_induk for s in stays}) == len(stays)


def test_demo_is_deterministic_and_marked(tmp_path: Path) -> None:
    names = []
    for run in ("a", "b"):
        path = tmp_path / f"{run}.db"
        create_demo_installation(path, DemoOptions(panti_codes=("MG",), residents=5, years=1,
                                                   seed=7), ADMIN, PASSWORD, make_clock(),
                                 kdf=FAST_KDF)
        assert is_demo(path)
        ctx = login(path)
        with ctx.reading() as session:
            names.append(sorted(session.scalars(select(Person.name))))
            assert session.scalar(select(func.count()).select_from(Stay)) > 5
        ctx.close()
    assert names[0] == names[1]
