/**
 * Points a provider's real base URL at provider-sim, which serves each provider under
 * `/{providerId}` + the path of its real base URL: `https://api.openai.com/v1` → `${simUrl}/openai/v1`.
 */
export function simulatorBaseUrl(simUrl: string, providerId: string, realBaseUrl: string): string {
  const path = new URL(realBaseUrl).pathname.replace(/\/+$/, "");
  return `${simUrl.replace(/\/+$/, "")}/${providerId}${path}`;
}
