// The "Zoom account" form as plain data: what it starts with, what is wrong with it (the rules
// main applies, from preload/shared), and the input it sends. The component only renders it.
import type { ZoomAccountInput, ZoomAccountView, ZoomCloud } from '../../preload/contract.ts';
import {
  clientIdProblem,
  clientSecretProblem,
  endpointProblem,
} from '../../preload/shared/zoom-account-rules.ts';

export interface ZoomAccountForm {
  cloud: ZoomCloud;
  clientId: string;
  /** Only used for the custom cloud. */
  oauthBase: string;
  apiBase: string;
  /** A new secret (surrounding spaces from a paste are dropped); empty keeps the saved one. */
  secret: string;
  /** The person asked to forget the saved secret. */
  removeSecret: boolean;
}

export type ZoomAccountField = 'clientId' | 'secret' | 'oauthBase' | 'apiBase';
export type ZoomAccountProblems = Partial<Record<ZoomAccountField, string>>;

/** What each field is called on screen; problems read after it. */
export const FIELD_LABELS: Record<ZoomAccountField, string> = {
  clientId: 'Client ID',
  secret: 'Client secret',
  oauthBase: 'Authorization server',
  apiBase: 'API base URL',
};

/**
 * The form for the account in use. The demo's own sandbox is nothing to edit, so a demo starts
 * with an empty Zoom form; the other sources start with what they use (never a secret).
 */
export function initialForm(view: ZoomAccountView): ZoomAccountForm {
  const blank = { secret: '', removeSecret: false };
  if (view.source === 'demo')
    return { cloud: 'zoom', clientId: '', oauthBase: '', apiBase: '', ...blank };
  return {
    cloud: view.cloud,
    clientId: view.clientId,
    oauthBase: view.cloud === 'custom' ? view.oauthBase : '',
    apiBase: view.cloud === 'custom' ? view.apiBase : '',
    ...blank,
  };
}

/** Every problem with the form, by field, in the words of the shared rules. */
export function formProblems(form: ZoomAccountForm): ZoomAccountProblems {
  const problems: ZoomAccountProblems = {};
  const note = (field: ZoomAccountField, problem: string | null) => {
    if (problem) problems[field] = `${FIELD_LABELS[field]} ${problem}`;
  };
  note('clientId', clientIdProblem(form.clientId));
  if (form.secret.trim() !== '') note('secret', clientSecretProblem(form.secret.trim()));
  if (form.cloud === 'custom') {
    note('oauthBase', endpointProblem(form.oauthBase));
    note('apiBase', endpointProblem(form.apiBase));
  }
  return problems;
}

/** What Save and Test send. The saved secret never comes back here: "keep" names it. */
export function toInput(form: ZoomAccountForm): ZoomAccountInput {
  return {
    clientId: form.clientId.trim(),
    cloud: form.cloud,
    ...(form.cloud === 'custom' && {
      oauthBase: form.oauthBase.trim(),
      apiBase: form.apiBase.trim(),
    }),
    clientSecret:
      form.secret.trim() !== ''
        ? { action: 'set', value: form.secret.trim() }
        : form.removeSecret
          ? { action: 'remove' }
          : { action: 'keep' },
  };
}
