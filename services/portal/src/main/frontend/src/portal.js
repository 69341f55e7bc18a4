// Signed-in pages: htmx for partial updates. The server renders everything; this only swaps fragments.
import htmx from 'htmx.org';

window.htmx = htmx;

// An expired session: quarkus-oidc answers an XMLHttpRequest with 499 instead of redirecting to the
// sign-in page (which a fragment swap cannot follow). Reload the whole page, which then signs in.
document.body.addEventListener('htmx:responseError', (event) => {
  if (event.detail.xhr && event.detail.xhr.status === 499) {
    window.location.reload();
  }
});

// A refusal comes back as a problem fragment with its status (400/409/422): show it where the form asked.
document.body.addEventListener('htmx:beforeSwap', (event) => {
  const status = event.detail.xhr.status;
  if (status === 400 || status === 409 || status === 422) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  }
});
