/** The administrator's people: everyone with their login, role, whether they may log in and
 * their campaigns; adding a person, disabling or enabling a login (a disabled person's held cases
 * go back to the pool), resetting a password and putting a person on campaigns. */
import { useCallback, useEffect, useState } from "react";
import { commands, type AddPersonRequest, type CampaignView, type PersonView, type SessionView } from "../api/bindings";
import { AddPersonDialog } from "../components/AddPersonDialog";
import { AssignDialog, type AssignChange } from "../components/AssignDialog";
import { PasswordDialog } from "../components/PasswordDialog";
import { PersonActiveDialog } from "../components/PersonActiveDialog";
import { StatusMessage } from "../components/StatusMessage";
import { useLang } from "../i18n";

interface Props {
  /** The administrator logged in. */
  me: SessionView;
  /** Every campaign (an administrator's list). */
  campaigns: readonly CampaignView[];
  report: (e: unknown) => void;
  clearError: () => void;
  /** Someone was added: the supervisor screens' lists of people are read again. */
  onChanged: () => void;
}

type Dialog =
  | { kind: "add" }
  | { kind: "active"; person: PersonView }
  | { kind: "password"; person: PersonView }
  | { kind: "assign"; person: PersonView };

export function People({ me, campaigns, report, clearError, onChanged }: Props) {
  const { t } = useLang();
  const [people, setPeople] = useState<PersonView[] | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setPeople(await commands.listPeople());
    } catch (e) {
      report(e);
    }
  }, [report]);

  useEffect(() => {
    void load();
  }, [load]);

  /** After a change the dialog closes, the screen says what was done and the list is read again. */
  const done = (text: string) => {
    setDialog(null);
    setMessage(text);
    clearError();
    void load();
  };

  const add = async (req: AddPersonRequest) => {
    const added = await commands.addPerson(req);
    onChanged();
    done(t("people.added", { name: added.fullName, login: added.login }));
  };

  const setActive = async (person: PersonView) => {
    const { released } = await commands.setPersonActive({ login: person.login, active: !person.active });
    if (!person.active) done(t("people.enabled", { login: person.login }));
    else if (released > 0) done(t("people.disabledReleased", { login: person.login, n: released }));
    else done(t("people.disabledNone", { login: person.login }));
  };

  const setPassword = async (person: PersonView, password: string) => {
    await commands.setPersonPassword({ login: person.login, password });
    done(t("people.passwordSet", { login: person.login }));
  };

  const assign = async (person: PersonView, changes: AssignChange[]) => {
    try {
      for (const change of changes) {
        await commands.assignPerson({ login: person.login, ...change });
      }
    } catch (e) {
      // Changes made before a refusal stay made: the list shows them.
      void load();
      throw e;
    }
    done(t("people.assigned", { login: person.login }));
  };

  const campaignName = (code: string) => campaigns.find((c) => c.code === code)?.name ?? code;

  return (
    <main className="people" data-testid="people-screen">
      <div className="people-head">
        <div>
          <h1 className="screen-title">
            {t("people.title")}
            {people && (
              <span className="people-count" data-testid="people-count">
                {t("people.count", { n: people.length })}
              </span>
            )}
          </h1>
          <p className="muted">{t("people.intro")}</p>
        </div>
        <button
          type="button"
          className="btn btn-primary"
          data-testid="people-add"
          onClick={() => {
            setMessage(null);
            setDialog({ kind: "add" });
          }}
        >
          {t("people.add")}
        </button>
      </div>

      <StatusMessage text={message} testId="people-message" />

      <div className="table-wrap">
        <table className="cases people-table" data-testid="people-table">
          <thead>
            <tr>
              <th scope="col">{t("people.col.login")}</th>
              <th scope="col">{t("people.col.name")}</th>
              <th scope="col">{t("people.col.role")}</th>
              <th scope="col">{t("people.col.status")}</th>
              <th scope="col">{t("people.col.campaigns")}</th>
              <th scope="col">{t("people.col.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {(people ?? []).map((p) => {
              const isMe = p.login === me.login;
              return (
                <tr key={p.login} data-testid="person-row" data-login={p.login} className={p.active ? "" : "is-disabled"}>
                  <td className="mono nowrap" data-testid="person-login">
                    {p.login}
                  </td>
                  <td data-testid="person-name">
                    <span className="cell-main">
                      {p.fullName}
                      {isMe && <span className="muted person-me"> ({t("people.you")})</span>}
                    </span>
                  </td>
                  <td className="nowrap" data-testid="person-role">
                    {t(`role.${p.role}`)}
                  </td>
                  <td>
                    <span className={`badge ${p.active ? "person-active" : "person-disabled"}`} data-testid="person-status">
                      {t(p.active ? "people.active" : "people.disabled")}
                    </span>
                  </td>
                  <td data-testid="person-campaigns">
                    {p.role === "admin" ? (
                      <span className="muted">{t("people.allCampaigns")}</span>
                    ) : p.campaigns.length === 0 ? (
                      <span className="muted">{t("people.noCampaign")}</span>
                    ) : (
                      <ul className="person-codes">
                        {p.campaigns.map((code) => (
                          <li key={code} className="mono" title={campaignName(code)}>
                            {code}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td>
                    <div className="person-actions">
                      {p.role !== "admin" && (
                        <button
                          type="button"
                          className="btn btn-small"
                          data-testid="person-assign"
                          onClick={() => {
                            setMessage(null);
                            setDialog({ kind: "assign", person: p });
                          }}
                        >
                          {t("people.assign")}
                        </button>
                      )}
                      <button
                        type="button"
                        className="btn btn-small"
                        data-testid="person-password"
                        onClick={() => {
                          setMessage(null);
                          setDialog({ kind: "password", person: p });
                        }}
                      >
                        {t("people.password")}
                      </button>
                      {!isMe && (
                        <button
                          type="button"
                          className={`btn btn-small ${p.active ? "btn-danger-quiet" : ""}`}
                          data-testid="person-active"
                          onClick={() => {
                            setMessage(null);
                            setDialog({ kind: "active", person: p });
                          }}
                        >
                          {t(p.active ? "people.disable" : "people.enable")}
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {!people && <p className="muted table-note">{t("common.loading")}</p>}
      </div>

      {dialog?.kind === "add" && <AddPersonDialog campaigns={campaigns} onAdd={add} onCancel={() => setDialog(null)} />}
      {dialog?.kind === "active" && (
        <PersonActiveDialog person={dialog.person} onConfirm={() => setActive(dialog.person)} onCancel={() => setDialog(null)} />
      )}
      {dialog?.kind === "password" && (
        <PasswordDialog
          person={dialog.person}
          onSet={(password) => setPassword(dialog.person, password)}
          onCancel={() => setDialog(null)}
        />
      )}
      {dialog?.kind === "assign" && (
        <AssignDialog
          person={dialog.person}
          campaigns={campaigns}
          onSave={(changes) => assign(dialog.person, changes)}
          onCancel={() => setDialog(null)}
        />
      )}
    </main>
  );
}
