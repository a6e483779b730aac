//! `/admin`: accounts (filter, attach crew and supplier accounts to productions and suppliers,
//! detach), productions (verify, create, invitation links), suppliers and the audit log. Admins
//! only; visitors are sent to log in, other roles see a refusal.

use crate::codec::fetched;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::account::{invitation_url, org_name, send_to_login};
use super::login::{Field, form_error};
use crate::components::error_view::{ErrorView, error_text, field_text};
use crate::error::AppError;
use crate::i18n::*;
use crate::members::{
    AttachAccount, CreateInvitation, CreateProduction, DetachAccount, VerifyProduction,
    admin_overview,
};
use crate::models::{AccountSummary, AdminView, AuditEntry, OrgKind, OrgSummary};
use domain::account::Role;

/// The actions the page's forms run; any of them finishing reloads the lists.
#[derive(Clone, Copy)]
struct Actions {
    attach: ServerAction<AttachAccount>,
    detach: ServerAction<DetachAccount>,
    verify: ServerAction<VerifyProduction>,
    create: ServerAction<CreateProduction>,
    invite: ServerAction<CreateInvitation>,
}

impl Actions {
    fn new() -> Actions {
        Actions {
            attach: ServerAction::new(),
            detach: ServerAction::new(),
            verify: ServerAction::new(),
            create: ServerAction::new(),
            invite: ServerAction::new(),
        }
    }

    /// Changes whenever an action that alters the lists completes.
    fn version(&self) -> (usize, usize, usize, usize, usize) {
        (
            self.attach.version().get(),
            self.detach.version().get(),
            self.verify.version().get(),
            self.create.version().get(),
            self.invite.version().get(),
        )
    }

    /// The most recent failure among the row actions, if the last run of it failed.
    fn row_error(&self) -> Option<AppError> {
        let attach = self.attach.value().get().and_then(Result::err);
        let detach = self.detach.value().get().and_then(Result::err);
        let verify = self.verify.value().get().and_then(Result::err);
        attach.or(detach).or(verify)
    }
}

fn role_text(i18n: leptos_i18n::I18nContext<Locale>, role: Role) -> String {
    match role {
        Role::Actor => t_string!(i18n, role_actor),
        Role::Crew => t_string!(i18n, role_crew),
        Role::Supplier => t_string!(i18n, role_supplier),
        Role::Admin => t_string!(i18n, role_admin),
    }
    .to_string()
}

#[component]
pub fn AdminPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let filter = move || {
        query.with(|q| {
            (
                q.get("q").unwrap_or_default(),
                q.get("role").unwrap_or_default(),
                q.get("unattached").is_some_and(|v| !v.is_empty()),
            )
        })
    };
    let actions = Actions::new();
    let view_data = fetched(
        move || (filter(), actions.version()),
        |((q, role, unattached), _)| admin_overview(q, role, unattached),
    );
    view! {
        <section class="admin">
            <h1>{tr!(i18n, admin_title)}</h1>
            <Transition fallback=move || view! { <p>{tr!(i18n, loading)}</p> }>
                {move || Suspend::new(async move {
                    // One resource: the overview itself refuses visitors and other roles.
                    match view_data.await {
                        Ok(data) => view! { <AdminBody data filter=filter() actions /> }.into_any(),
                        Err(AppError::Unauthorized) => send_to_login("/admin"),
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn AdminBody(data: AdminView, filter: (String, String, bool), actions: Actions) -> impl IntoView {
    let i18n = use_i18n();
    let (text, role, unattached) = filter;
    let AdminView { accounts, matching, productions, suppliers, audit } = data;
    let productions = StoredValue::new(productions);
    let suppliers = StoredValue::new(suppliers);
    let role_options = Role::ALL.map(|r| {
        let selected = r.code() == role;
        view! { <option value=r.code() selected=selected>{move || role_text(i18n, r)}</option> }
    });
    let row_error = move || actions.row_error().map(|e| row_error_text(i18n, &e));
    view! {
        <section aria-labelledby="accounts-title">
            <h2 id="accounts-title">{tr!(i18n, admin_accounts)}</h2>
            <form method="get" action="/admin" class="filters">
                <label>
                    {tr!(i18n, admin_filter_text)}
                    <input type="search" name="q" value=text />
                </label>
                <label>
                    {tr!(i18n, admin_filter_role)}
                    <select name="role">
                        <option value="">{tr!(i18n, admin_any_role)}</option>
                        {role_options}
                    </select>
                </label>
                <label class="check">
                    <input type="checkbox" name="unattached" value="1" checked=unattached />
                    {tr!(i18n, admin_unattached)}
                </label>
                <button type="submit">{tr!(i18n, admin_filter_submit)}</button>
            </form>
            <p>{t!(i18n, admin_matching, count = matching)}</p>
            <p class="form-error" role="alert">{row_error}</p>
            <div class="table-scroll" tabindex="0">
                <table class="data-table">
                    <thead>
                        <tr>
                            <th scope="col">{tr!(i18n, col_name)}</th>
                            <th scope="col">{tr!(i18n, col_login)}</th>
                            <th scope="col">{tr!(i18n, col_role)}</th>
                            <th scope="col">{tr!(i18n, col_org)}</th>
                            <th scope="col">{tr!(i18n, col_created)}</th>
                            <th scope="col">{tr!(i18n, col_actions)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {accounts
                            .into_iter()
                            .map(|account| view! { <AccountRow account productions suppliers actions /> })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
        <ProductionsSection productions actions />
        <SuppliersSection suppliers actions />
        <AuditSection audit />
    }
}

/// A failed row action's message: the field message for validation codes, else the error's.
fn row_error_text(i18n: leptos_i18n::I18nContext<Locale>, error: &AppError) -> String {
    match error {
        AppError::Invalid(fields) => fields
            .first()
            .map(|f| field_text(i18n, &f.field, &f.code))
            .unwrap_or_else(|| error_text(i18n, error)),
        other => error_text(i18n, other),
    }
}

#[component]
fn AccountRow(
    account: AccountSummary,
    productions: StoredValue<Vec<OrgSummary>>,
    suppliers: StoredValue<Vec<OrgSummary>>,
    actions: Actions,
) -> impl IntoView {
    let i18n = use_i18n();
    let org = account.org.clone();
    let org_cell = org.map(|org| {
        let org = StoredValue::new(org);
        move || org.with_value(|o| org_name(i18n, o))
    });
    let choices = match OrgKind::for_role(account.role) {
        Some(OrgKind::Production) => Some(productions),
        Some(OrgKind::Supplier) => Some(suppliers),
        None => None,
    };
    let id = account.account_id.to_string();
    let select_id = format!("attach-{}", account.account_id);
    let name = account.display_name.clone();
    let detach_id = id.clone();
    let attach = choices.map(|choices| {
        let current = account.org.as_ref().map(|o| o.reference().code()).unwrap_or_default();
        let options = choices.with_value(|list| {
            list.iter()
                .map(|o| {
                    let value = o.org.reference().code();
                    let selected = value == current;
                    let org = StoredValue::new(o.org.clone());
                    view! {
                        <option value=value selected=selected>
                            {move || org.with_value(|o| org_name(i18n, o))}
                        </option>
                    }
                })
                .collect_view()
        });
        let label = name.clone();
        view! {
            <ActionForm action=actions.attach attr:class="row-form">
                <input type="hidden" name="account_id" value=id.clone() />
                <label class="visually-hidden" for=select_id.clone()>
                    {move || t!(i18n, admin_attach_to, name = label.clone())}
                </label>
                <select id=select_id.clone() name="org" required>
                    <option value="">{tr!(i18n, admin_choose_org)}</option>
                    {options}
                </select>
                <button type="submit">{tr!(i18n, admin_attach)}</button>
            </ActionForm>
        }
    });
    let detach = account.org.is_some().then(|| {
        view! {
            <ActionForm action=actions.detach attr:class="row-form">
                <input type="hidden" name="account_id" value=detach_id.clone() />
                <button type="submit" class="link-like">{tr!(i18n, admin_detach)}</button>
            </ActionForm>
        }
    });
    let role = account.role;
    view! {
        <tr>
            <td>{account.display_name}</td>
            <td>{account.login}</td>
            <td>{move || role_text(i18n, role)}</td>
            <td>{org_cell.map(|c| c.into_any()).unwrap_or_else(|| "—".into_any())}</td>
            <td>{domain::studio_datetime(account.created_at)}</td>
            <td class="actions">{attach}{detach}</td>
        </tr>
    }
}

/// The invitation link made by the last `invite` action, shown above the tables it came from.
fn invitation_notice(
    i18n: leptos_i18n::I18nContext<Locale>,
    actions: Actions,
    kind: OrgKind,
) -> impl IntoView {
    move || {
        actions.invite.value().get().and_then(Result::ok).filter(|i| i.org.kind == kind).map(
            |invitation| {
                let url = invitation_url(&invitation);
                let date = domain::studio_datetime(invitation.expires_at);
                let name = org_name(i18n, &invitation.org);
                let input_id = format!("invitation-link-{}", kind.code());
                view! {
                    <div class="invitation" role="status">
                        <p><strong>{name}</strong> " " {t!(i18n, invite_link, date = date.clone())}</p>
                        <label for=input_id.clone()>{tr!(i18n, invite_link_label)}</label>
                        <input id=input_id type="text" readonly value=url />
                    </div>
                }
            },
        )
    }
}

fn invite_form(actions: Actions, org: &OrgSummary) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let value = org.org.reference().code();
    view! {
        <ActionForm action=actions.invite attr:class="row-form">
            <input type="hidden" name="org" value=value />
            <button type="submit" class="link-like">{tr!(i18n, admin_invite)}</button>
        </ActionForm>
    }
}

#[component]
fn ProductionsSection(
    productions: StoredValue<Vec<OrgSummary>>,
    actions: Actions,
) -> impl IntoView {
    let i18n = use_i18n();
    let rows = productions.with_value(|list| {
        list.iter()
            .map(|p| {
                let org = StoredValue::new(p.org.clone());
                let (zh, en) = (p.detail_zh.clone(), p.detail_en.clone());
                let company = move || crate::components::content_lang(i18n).pick(&zh, &en).to_string();
                let verified = p.verified;
                let id = p.org.id.to_string();
                view! {
                    <tr>
                        <td>{p.code.clone()}</td>
                        <td>{move || org.with_value(|o| org_name(i18n, o))}</td>
                        <td>{company}</td>
                        <td class="num">{p.members}</td>
                        <td>
                            {move || if verified { t_string!(i18n, verified_yes) } else { t_string!(i18n, verified_no) }}
                        </td>
                        <td class="actions">
                            <ActionForm action=actions.verify attr:class="row-form">
                                <input type="hidden" name="production_id" value=id />
                                <input type="hidden" name="verified" value=(!verified).to_string() />
                                <button type="submit" class="link-like">
                                    {move || if verified { t_string!(i18n, admin_unverify) } else { t_string!(i18n, admin_verify) }}
                                </button>
                            </ActionForm>
                            {invite_form(actions, p)}
                        </td>
                    </tr>
                }
            })
            .collect_view()
    });
    let error = Signal::derive(move || actions.create.value().get().and_then(Result::err));
    let created = move || matches!(actions.create.value().get(), Some(Ok(())));
    view! {
        <section aria-labelledby="productions-title">
            <h2 id="productions-title">{tr!(i18n, admin_productions)}</h2>
            {invitation_notice(i18n, actions, OrgKind::Production)}
            <div class="table-scroll" tabindex="0">
                <table class="data-table">
                    <thead>
                        <tr>
                            <th scope="col">{tr!(i18n, col_code)}</th>
                            <th scope="col">{tr!(i18n, col_name)}</th>
                            <th scope="col">{tr!(i18n, col_company)}</th>
                            <th scope="col">{tr!(i18n, col_members)}</th>
                            <th scope="col">{tr!(i18n, col_verified)}</th>
                            <th scope="col">{tr!(i18n, col_actions)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <h3>{tr!(i18n, admin_new_production)}</h3>
            <ActionForm action=actions.create attr:class="grid-form">
                <Field id="code" label=t_string!(i18n, field_code).to_string() kind="text" autocomplete="off" error />
                <Field id="name_zh" label=t_string!(i18n, field_name_zh).to_string() kind="text" autocomplete="off" error />
                <Field id="name_en" label=t_string!(i18n, field_name_en).to_string() kind="text" autocomplete="off" error />
                <Field id="company_zh" label=t_string!(i18n, field_company_zh).to_string() kind="text" autocomplete="organization" error />
                <Field id="company_en" label=t_string!(i18n, field_company_en).to_string() kind="text" autocomplete="organization" error />
                <p class="form-error" role="alert">{move || form_error(i18n, error.get())}</p>
                <p class="form-ok" role="status">{move || created().then(|| t_string!(i18n, admin_saved).to_string())}</p>
                <button type="submit" class="primary">{tr!(i18n, admin_create_production)}</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn SuppliersSection(suppliers: StoredValue<Vec<OrgSummary>>, actions: Actions) -> impl IntoView {
    let i18n = use_i18n();
    let rows = suppliers.with_value(|list| {
        list.iter()
            .map(|s| {
                let org = StoredValue::new(s.org.clone());
                let (zh, en) = (s.detail_zh.clone(), s.detail_en.clone());
                let site = move || crate::components::content_lang(i18n).pick(&zh, &en).to_string();
                view! {
                    <tr>
                        <td>{s.code.clone()}</td>
                        <td>{move || org.with_value(|o| org_name(i18n, o))}</td>
                        <td>{site}</td>
                        <td class="num">{s.members}</td>
                        <td class="actions">{invite_form(actions, s)}</td>
                    </tr>
                }
            })
            .collect_view()
    });
    view! {
        <section aria-labelledby="suppliers-title">
            <h2 id="suppliers-title">{tr!(i18n, admin_suppliers)}</h2>
            {invitation_notice(i18n, actions, OrgKind::Supplier)}
            <div class="table-scroll" tabindex="0">
                <table class="data-table">
                    <thead>
                        <tr>
                            <th scope="col">{tr!(i18n, col_code)}</th>
                            <th scope="col">{tr!(i18n, col_name)}</th>
                            <th scope="col">{tr!(i18n, col_site)}</th>
                            <th scope="col">{tr!(i18n, col_members)}</th>
                            <th scope="col">{tr!(i18n, col_actions)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

#[component]
fn AuditSection(audit: Vec<AuditEntry>) -> impl IntoView {
    let i18n = use_i18n();
    let rows = audit
        .into_iter()
        .map(|entry| {
            let by = entry.by.clone();
            view! {
                <tr>
                    <td>{domain::studio_datetime(entry.at)}</td>
                    <td>{move || by.clone().unwrap_or_else(|| t_string!(i18n, deleted_account).to_string())}</td>
                    <td><code>{entry.action}</code></td>
                    <td>{entry.detail}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="audit-title">
            <h2 id="audit-title">{tr!(i18n, admin_audit)}</h2>
            <div class="table-scroll" tabindex="0">
                <table class="data-table">
                    <thead>
                        <tr>
                            <th scope="col">{tr!(i18n, col_time)}</th>
                            <th scope="col">{tr!(i18n, col_by)}</th>
                            <th scope="col">{tr!(i18n, col_action)}</th>
                            <th scope="col">{tr!(i18n, col_detail)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}
