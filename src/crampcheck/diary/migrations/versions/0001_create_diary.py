"""Create the diary: episodes with tags, and the profile with medicines and conditions.

Revision ID: 0001
Revises:
Create Date: 2026-11-21
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MUSCLES = "'calf', 'foot', 'toes', 'thigh', 'other'"
SIDES = "'left', 'right', 'both'"
ACTIVITIES = (
    "'sleeping', 'resting', 'sitting', 'standing', 'walking', 'running', 'swimming', 'stretching'"
)


def _episode() -> None:
    op.create_table(
        "episode",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("at_utc", sa.DateTime(), nullable=False),
        sa.Column("utc_offset_s", sa.Integer(), nullable=False),
        sa.Column("local_date", sa.Date(), nullable=False),
        sa.Column("local_hour", sa.SmallInteger(), nullable=False),
        sa.Column("duration_s", sa.Integer(), nullable=False),
        sa.Column("muscle", sa.String(8), nullable=False),
        sa.Column("side", sa.String(8), nullable=False),
        sa.Column("severity", sa.SmallInteger(), nullable=False),
        sa.Column("activity", sa.String(16), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.CheckConstraint("duration_s > 0 AND duration_s <= 86400", name="duration"),
        sa.CheckConstraint("severity BETWEEN 0 AND 10", name="severity"),
        sa.CheckConstraint("local_hour BETWEEN 0 AND 23", name="local_hour"),
        sa.CheckConstraint(f"muscle IN ({MUSCLES})", name="muscle"),
        sa.CheckConstraint(f"side IN ({SIDES})", name="side"),
        sa.CheckConstraint(f"activity IN ({ACTIVITIES})", name="activity"),
        sa.PrimaryKeyConstraint("id", name="pk_episode"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_episode_at_utc", "episode", ["at_utc"])
    op.create_index("ix_episode_local_date_hour", "episode", ["local_date", "local_hour"])
    op.create_index(
        "ix_episode_kind", "episode", ["muscle", "side", "activity", "severity", "local_date"]
    )
    op.create_index("ix_episode_duration", "episode", ["duration_s", "local_date"])
    op.create_table(
        "episode_tag",
        sa.Column("episode_id", sa.Integer(), nullable=False),
        sa.Column("tag", sa.String(40), nullable=False),
        sa.Column("local_date", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["episode_id"],
            ["episode.id"],
            name="fk_episode_tag_episode_id_episode",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("episode_id", "tag", name="pk_episode_tag"),
    )
    op.create_index("ix_episode_tag_tag_local_date", "episode_tag", ["tag", "local_date"])


def _profile() -> None:
    op.create_table(
        "profile",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("birth_year", sa.SmallInteger(), nullable=True),
        sa.Column("sex", sa.String(8), nullable=True),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("postpartum_since", sa.Date(), nullable=True),
        sa.CheckConstraint("id = 1", name="single_row"),
        sa.CheckConstraint("sex IN ('female', 'male')", name="sex"),
        sa.PrimaryKeyConstraint("id", name="pk_profile"),
    )
    for table in ("profile_medicine", "profile_condition"):
        extra = [sa.Column("start_date", sa.Date(), nullable=True)] if "medicine" in table else []
        op.create_table(
            table,
            sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
            sa.Column("profile_id", sa.Integer(), nullable=False),
            sa.Column("name", sa.String(100), nullable=False),
            *extra,
            sa.ForeignKeyConstraint(
                ["profile_id"],
                ["profile.id"],
                name=f"fk_{table}_profile_id_profile",
                ondelete="CASCADE",
            ),
            sa.PrimaryKeyConstraint("id", name=f"pk_{table}"),
        )


def upgrade() -> None:
    _episode()
    _profile()


def downgrade() -> None:
    for table in ("profile_condition", "profile_medicine", "profile", "episode_tag"):
        op.drop_table(table)
    for index in ("duration", "kind", "local_date_hour", "at_utc"):
        op.drop_index(f"ix_episode_{index}", table_name="episode")
    op.drop_table("episode")
