"""Accounts for moderators, curators and admins (kb/accounts.py); opens only the store."""
from __future__ import annotations

import json

import click

from cli.base import KBGroup, main
from kb.accounts import ROLES, AccountError, Accounts, check_username
from kb.settings import Settings
from kb.store import Store


def _accounts(ctx: click.Context) -> Accounts:
    """Accounts on the store of the `--home` that `kb` was given (ctx.obj is cli.base.Context)."""
    root = ctx.find_root()
    settings = getattr(root.obj, "settings", None) or Settings.from_env()
    store = Store(settings.db_path)
    ctx.call_on_close(store.close)
    return Accounts(store)


def _password(from_stdin: bool) -> str:
    if from_stdin:
        line = click.get_text_stream("stdin").readline().rstrip("\r\n")
        if not line:
            raise click.UsageError("--password-stdin: no password on standard input")
        return line
    return str(click.prompt("Password", hide_input=True, confirmation_prompt=True))


@main.group(cls=KBGroup)
def users() -> None:
    """Accounts for moderators, curators and admins (viewers need none)."""


@users.command("add")
@click.argument("username")
@click.option("--role", type=click.Choice(ROLES), default="curator", show_default=True)
@click.option("--password-stdin", is_flag=True, help="read the password from the first line of stdin")
@click.pass_context
def users_add(ctx: click.Context, username: str, role: str, password_stdin: bool) -> None:
    """Create an account (the password is asked twice unless --password-stdin)."""
    accounts = _accounts(ctx)
    check_username(username)  # fail before asking for a password
    if any(u.username == username for u in accounts.list()):
        raise AccountError(f"user {username!r} already exists")
    user = accounts.add(username, _password(password_stdin), role)
    click.echo(f"user {user.username} added ({user.role})", err=True)


@users.command("disable")
@click.argument("username")
@click.pass_context
def users_disable(ctx: click.Context, username: str) -> None:
    """Block an account and end its sessions."""
    _accounts(ctx).disable(username)
    click.echo(f"user {username} disabled", err=True)


@users.command("enable")
@click.argument("username")
@click.pass_context
def users_enable(ctx: click.Context, username: str) -> None:
    """Allow a disabled account to log in again."""
    _accounts(ctx).enable(username)
    click.echo(f"user {username} enabled", err=True)


@users.command("passwd")
@click.argument("username")
@click.option("--password-stdin", is_flag=True, help="read the password from the first line of stdin")
@click.pass_context
def users_passwd(ctx: click.Context, username: str, password_stdin: bool) -> None:
    """Set a new password (ends the user's sessions)."""
    accounts = _accounts(ctx)
    accounts.get(username)  # fail before asking for a password
    accounts.set_password(username, _password(password_stdin))
    click.echo(f"password of {username} changed", err=True)


@users.command("list")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@click.pass_context
def users_list(ctx: click.Context, fmt: str) -> None:
    """Every account with its role and status."""
    rows = _accounts(ctx).list()
    if fmt == "json":
        click.echo(json.dumps([u.__dict__ for u in rows], ensure_ascii=False, indent=1))
        return
    width = max([len("username"), *(len(u.username) for u in rows)])
    click.echo(f"{'username':<{width}}  {'role':<7}  {'status':<8}  created")
    for u in rows:
        click.echo(f"{u.username:<{width}}  {u.role:<7}  {'disabled' if u.disabled else 'active':<8}  {u.created_at}")
