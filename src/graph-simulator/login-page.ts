/** The simulator's sign-in and signed-out pages: plain HTML, labelled fields, no script. */
const escape = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `body{font-family:system-ui,sans-serif;background:#f3f4f6;margin:0}
main{max-width:26rem;margin:4rem auto;background:#fff;padding:2rem;border-radius:8px;box-shadow:0 1px 4px #0002}
label{display:block;margin-top:1rem;font-weight:600}input{width:100%;box-sizing:border-box;padding:.5rem;margin-top:.25rem;font-size:1rem}
button{margin-top:1.5rem;padding:.6rem 1.2rem;font-size:1rem;background:#1c64d8;color:#fff;border:0;border-radius:4px;cursor:pointer}
button:focus-visible,input:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
.error{color:#a61b1b;background:#fdecec;padding:.75rem;border-radius:4px}.muted{color:#4b5563}`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

export function loginPage(opts: {
  tenantName: string;
  /** The validated authorize parameters, posted back with the credentials. */
  params: Record<string, string>;
  username?: string;
  error?: string;
}): string {
  const hidden = Object.entries(opts.params)
    .map(([k, v]) => `<input type="hidden" name="${escape(k)}" value="${escape(v)}">`)
    .join('');
  const error = opts.error ? `<p class="error" role="alert">${escape(opts.error)}</p>` : '';
  return page(
    'Sign in to your account',
    `<h1>Sign in</h1><p class="muted">${escape(opts.tenantName)} · Microsoft Entra ID (simulated)</p>${error}
<form method="post" action="">${hidden}
<label for="username">Email, phone, or Skype</label>
<input id="username" name="username" type="text" autocomplete="username" required value="${escape(opts.username ?? '')}">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button></form>`,
  );
}

export function messagePage(title: string, message: string): string {
  return page(title, `<h1>${escape(title)}</h1><p>${escape(message)}</p>`);
}
