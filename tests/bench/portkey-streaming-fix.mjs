// Preloaded into Portkey's gateway (node --import) by portkey.ts, so that its streaming works as npm
// installs it. Portkey appends its x-portkey-* headers to the upstream's streamed Response, and the
// Response that Node's fetch returns has immutable headers: every streamed request failed with
// "TypeError: immutable" (Portkey-AI/gateway issues 1389 and 1550). This gives a streamed answer
// a fresh Response with the same status, headers and body stream, which is what Portkey's own
// proposed fix (pull request 1551) does inside it. Any other answer passes through untouched, so
// the non-streaming measurements run Portkey exactly as installed.
const fetchAsInstalled = globalThis.fetch;
const FetchResponse = globalThis.Response;

globalThis.fetch = async (...args) => {
  const response = await fetchAsInstalled(...args);
  if (!response.headers.get("content-type")?.startsWith("text/event-stream")) return response;
  return new FetchResponse(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers: new Headers(response.headers),
  });
};
