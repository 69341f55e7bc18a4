// The evaluator's service worker, served as /evaluator/sw.js (Service-Worker-Allowed: /evaluator) with scope
// /evaluator: the assignment list and the sheets, nothing else of the portal.
// Network first; what the network gives is kept, so the scoresheets downloaded ahead (the assignment list
// fetches each one) open again without a network. Posts are never touched: sending is the page's work.
// Self-contained on purpose (a classic worker script, no imports).
const CACHE = 'yz-evaluator-v1';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

function keyOf(request) {
  const url = new URL(request.url);
  // a page is the same page whatever notice its query carries
  return url.pathname.startsWith('/evaluator/') ? url.origin + url.pathname : request.url;
}

function kept(url) {
  if (url.origin !== self.location.origin) return false;
  if (url.pathname === '/evaluator/sw.js' || url.pathname.endsWith('/send')) return false;
  return url.pathname === '/evaluator' || url.pathname.startsWith('/evaluator/') || url.pathname.startsWith('/assets/')
    || url.pathname === '/portal.css';
}

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    // a signed-in page (basic, 200) is kept; a redirect to sign in (expired session) is not
    if (response.ok && response.type === 'basic') {
      await cache.put(keyOf(request), response.clone());
      return response;
    }
    const cached = await cache.match(keyOf(request));
    return cached || response;
  } catch (offline) {
    const cached = await cache.match(keyOf(request));
    if (cached) return cached;
    throw offline;
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.pathname === '/evaluator' && url.origin === self.location.origin) {
    event.respondWith(networkFirst(request));
    return;
  }
  if (!kept(url)) return;
  event.respondWith(networkFirst(request));
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'forget') {
    event.waitUntil(caches.delete(CACHE));
  }
});
