// newsclaims review page. Plain script, no build step, no dependencies.
// Articles go to POST /v1/check; messages are set with textContent, never as HTML.
"use strict";

function showStatus(message, isError) {
  const status = document.getElementById("status");
  if (!status) return;
  status.textContent = message;
  status.classList.toggle("error", Boolean(isError));
}

async function sendArticle(form, body, contentType, params) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value) query.set(key, value);
  }
  const buttons = form.querySelectorAll("button");
  buttons.forEach((b) => (b.disabled = true));
  showStatus("Checking…", false);
  try {
    const url = form.dataset.endpoint + (query.toString() ? "?" + query : "");
    const headers = { "Content-Type": contentType };
    const token = apiToken();
    if (token) headers.Authorization = "Bearer " + token;
    const response = await fetch(url, { method: "POST", headers, body });
    const payload = await response.json().catch(() => ({}));
    if (!response.ok) {
      showStatus(`Could not check the article (${response.status}): ${payload.detail || response.statusText}`, true);
      return;
    }
    window.location.assign("/articles/" + encodeURIComponent(payload.article.id));
  } catch (err) {
    showStatus("Could not reach the server: " + err, true);
  } finally {
    buttons.forEach((b) => (b.disabled = false));
  }
}

// The token field (shown when the server's writes need a token) is remembered for this tab
// only: sessionStorage, never a cookie or localStorage.
function apiToken() {
  const field = document.getElementById("api-token");
  if (!field) return "";
  const value = field.value.trim();
  if (value) sessionStorage.setItem("newsclaims-token", value);
  return value;
}

function contentTypeOf(file) {
  const name = file.name.toLowerCase();
  if (name.endsWith(".html") || name.endsWith(".htm")) return "text/html";
  if (name.endsWith(".json")) return "application/json";
  return "text/plain; charset=utf-8";
}

async function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch (err) {
      // fall through to the selection-based copy
    }
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand("copy");
  area.remove();
  return ok;
}

document.addEventListener("DOMContentLoaded", () => {
  const tokenField = document.getElementById("api-token");
  if (tokenField && !tokenField.value) tokenField.value = sessionStorage.getItem("newsclaims-token") || "";
  const paste = document.getElementById("paste-form");
  if (paste) {
    paste.addEventListener("submit", (event) => {
      event.preventDefault();
      const data = new FormData(paste);
      sendArticle(paste, data.get("text"), "text/plain; charset=utf-8", {
        published: data.get("published"), title: data.get("title"),
        outlet: data.get("outlet"), url: data.get("url"), id: data.get("id"),
      });
    });
  }
  const upload = document.getElementById("upload-form");
  if (upload) {
    upload.addEventListener("submit", (event) => {
      event.preventDefault();
      const file = document.getElementById("article-file").files[0];
      if (!file) {
        showStatus("Choose a file first.", true);
        return;
      }
      const data = new FormData(upload);
      sendArticle(upload, file, contentTypeOf(file), { published: data.get("published") });
    });
  }
  // A claim card lights its sentence up in the text; "show in text" scrolls to it.
  const sentenceOf = (id) =>
    Array.from(document.querySelectorAll("#article-body [data-claims]")).filter((el) =>
      el.dataset.claims.split(" ").includes(id));
  document.querySelectorAll("article.claim").forEach((card) => {
    const id = card.dataset.claim;
    card.addEventListener("mouseenter", () => sentenceOf(id).forEach((el) => el.classList.add("focus")));
    card.addEventListener("mouseleave", () => sentenceOf(id).forEach((el) => el.classList.remove("focus")));
  });
  document.querySelectorAll("a.in-text").forEach((link) => {
    link.addEventListener("click", (event) => {
      event.preventDefault();
      const pieces = sentenceOf(link.dataset.claim);
      document.querySelectorAll("#article-body .focus").forEach((el) => el.classList.remove("focus"));
      pieces.forEach((el) => el.classList.add("focus"));
      if (pieces.length) pieces[0].scrollIntoView({ block: "center", behavior: "smooth" });
    });
  });
  document.querySelectorAll("button.copy-claimreview").forEach((button) => {
    button.addEventListener("click", async () => {
      const source = button.closest(".claim").querySelector("textarea.claimreview-json");
      const ok = await copyText(source.value);
      button.textContent = ok ? "Copied ClaimReview JSON-LD" : "Copy failed: select the JSON below";
      if (!ok) source.hidden = false;
    });
  });
});
