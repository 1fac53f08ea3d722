/* Talking to the studio's server: every request carries the page's token; every change carries
   the version of the map this page last saw, so a page that is behind (another tab changed the
   map) is told instead of overwriting. Requests go one at a time, in order. */

export class ApiError extends Error {
  constructor(status, kind, message, extra) {
    super(message);
    this.status = status;
    this.kind = kind;
    this.extra = extra || {};
  }
}

export class Api {
  constructor() {
    const meta = document.querySelector('meta[name="argmap-token"]');
    this.token = meta ? meta.getAttribute("content") : "";
    this.version = -1;
    this.queue = Promise.resolve();
  }

  async request(method, path, body) {
    const options = { method, headers: { "X-Argmap-Token": this.token }, cache: "no-store", credentials: "same-origin" };
    if (body !== undefined) {
      options.headers["Content-Type"] = "application/json";
      options.body = JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch(path, options);
    } catch (err) {
      throw new ApiError(0, "offline", "The studio's server does not answer: is `argmap studio` still running?");
    }
    const type = response.headers.get("Content-Type") || "";
    if (!response.ok) {
      let data = {};
      if (type.startsWith("application/json")) { data = await response.json(); }
      throw new ApiError(response.status, data.error || "error", data.message || ("The server said " + response.status), data);
    }
    if (type.startsWith("application/json")) { return response.json(); }
    return response;
  }

  // Run one request after the ones before it have finished (a change needs the version the last one made).
  serial(work) {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  // The version is read when the request leaves and set from the answer before the next one leaves.
  async versioned(method, path, body) {
    const data = await this.request(method, path, body === undefined ? undefined : Object.assign({ version: this.version }, body));
    if (data && typeof data.version === "number") { this.version = data.version; }
    return data;
  }

  state(evaluation) {
    return this.serial(() => this.versioned("GET", "/api/state?evaluation=" + encodeURIComponent(evaluation || "")));
  }

  change(path, body) {
    return this.serial(() => this.versioned("POST", path, body));
  }

  get(path) {
    return this.request("GET", path);
  }
}
