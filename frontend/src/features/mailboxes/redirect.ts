// Leaves the SPA for Microsoft's consent page (a full-page navigation; Microsoft comes back to the server).
export function openMicrosoft(url: string): void {
  window.location.assign(url);
}
