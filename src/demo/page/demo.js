/* global document, window, EventSource, fetch, setTimeout, clearTimeout, URL */
// The demo page: draws each person's chat with the bot from the demo server's events and sends
// what they type or press. Every text comes from the bot or a person: it is only ever put into
// the page as text (textContent), never as HTML.

const LANGUAGE_NAMES = { fi: "fi – suomi", sv: "sv – svenska", en: "en – English" };
/** Chats by user id: { view, el, items: Map<message id, element> }. */
const chats = new Map();
let webAppUrl = null;
let languages = ["fi", "sv", "en"];

const $ = (selector, root = document) => root.querySelector(selector);

/** An element with a class and (text) content. */
function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

async function post(path, body) {
  const response = await fetch(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const result = await response.json();
  if (!response.ok) throw new Error(result.error ?? `HTTP ${response.status}`);
  return result;
}

function setStatus(kind, text) {
  const status = $("#status");
  status.className = `status ${kind}`;
  status.textContent = text;
}

function showToast(chat, text) {
  const toast = $(".toast", chat.el);
  toast.textContent = text;
  toast.hidden = false;
  clearTimeout(chat.toastTimer);
  chat.toastTimer = setTimeout(() => (toast.hidden = true), 3500);
}

function showAlert(chat, text) {
  $(".alert-text", chat.el).textContent = text;
  $(".alert", chat.el).hidden = false;
}

/** Sends a text as this person (a command from the menu or a clicked /command too). */
async function send(chat, text) {
  try {
    await post(`/api/chats/${chat.view.user.id}/send`, { text });
  } catch (error) {
    showToast(chat, `Not sent: ${error.message}`);
  }
}

/** A text with its /commands clickable, as Telegram shows them in the bot's messages. */
function textWithCommands(chat, text) {
  const fragment = document.createDocumentFragment();
  let last = 0;
  for (const match of text.matchAll(/(^|[\s(])(\/[a-zA-Z0-9_]{1,32})(?![\w/])/g)) {
    const start = match.index + match[1].length;
    fragment.append(text.slice(last, start));
    const link = el("a", "command", match[2]);
    link.href = "#";
    link.addEventListener("click", (event) => {
      event.preventDefault();
      void send(chat, match[2]);
    });
    fragment.append(link);
    last = start + match[2].length;
  }
  fragment.append(text.slice(last));
  return fragment;
}

function formatSize(bytes) {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} kB`;
}

function formatTime(seconds) {
  return new Date(seconds * 1000).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}

function isWebUrl(url) {
  try {
    return ["http:", "https:"].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

async function openWebApp(chat, url) {
  try {
    const { url: launch } = await post(`/api/chats/${chat.view.user.id}/webapp`, { url });
    $("#webapp-title").textContent = `Mini App – ${chat.view.user.firstName}`;
    $("#webapp-frame").src = launch;
    $("#webapp-panel").hidden = false;
  } catch (error) {
    showToast(chat, `Cannot open the Mini App: ${error.message}`);
  }
}

/** One inline button: a press goes to the bot as a callback query; links and Mini Apps open here. */
function inlineButton(chat, message, button, row, column) {
  const node = el("button", "inline-button", button.text);
  node.type = "button";
  if (button.url) node.classList.add("link");
  if (button.web_app) node.classList.add("webapp");
  node.addEventListener("click", async () => {
    if (button.url) {
      if (isWebUrl(button.url)) window.open(button.url, "_blank", "noopener");
      return;
    }
    if (button.web_app) return openWebApp(chat, button.web_app.url);
    if (button.callback_data === undefined) return showToast(chat, "This kind of button does nothing in the demo.");
    node.classList.add("pending");
    try {
      const { queryId } = await post(`/api/chats/${chat.view.user.id}/press`, { messageId: message.message_id, row, column });
      chat.pending.set(queryId, node);
      setTimeout(() => node.classList.remove("pending"), 15000);
    } catch (error) {
      node.classList.remove("pending");
      showToast(chat, error.message);
    }
  });
  return node;
}

function messageElement(chat, message) {
  const fromBot = message.from.is_bot;
  const item = el("li", `message ${fromBot ? "from-bot" : "from-person"}`);
  item.dataset.id = String(message.message_id);
  const bubble = el("div", "bubble");
  if (message.document) {
    const file = el("a", "document");
    file.href = `/api/files/${encodeURIComponent(message.document.file_id)}`;
    file.download = message.document.file_name ?? "document";
    file.append(el("span", "document-icon", "📄"), el("span", "document-name", message.document.file_name ?? "document"), el("span", "document-size", formatSize(message.document.file_size ?? 0)));
    bubble.append(file);
  }
  const text = message.text ?? message.caption;
  if (text) {
    const body = el("div", "text");
    if (fromBot) body.append(textWithCommands(chat, text));
    else body.textContent = text;
    bubble.append(body);
  }
  bubble.append(el("div", "meta", `${formatTime(message.edit_date ?? message.date)}${message.edit_date ? " · edited" : ""}`));
  item.append(bubble);
  const rows = message.reply_markup?.inline_keyboard ?? [];
  if (rows.length > 0) {
    const keyboard = el("div", "inline-keyboard");
    rows.forEach((buttons, row) => {
      const line = el("div", "inline-row");
      buttons.forEach((button, column) => line.append(inlineButton(chat, message, button, row, column)));
      keyboard.append(line);
    });
    item.append(keyboard);
  }
  return item;
}

function scrollToEnd(chat) {
  const list = $(".messages", chat.el);
  list.scrollTop = list.scrollHeight;
}

function upsertMessage(chat, message) {
  const list = $(".messages", chat.el);
  const atEnd = list.scrollHeight - list.scrollTop - list.clientHeight < 80;
  const fresh = messageElement(chat, message);
  const existing = chat.items.get(message.message_id);
  if (existing) existing.replaceWith(fresh);
  else {
    const later = [...chat.items.entries()].filter(([id]) => id > message.message_id).sort(([a], [b]) => a - b)[0];
    list.insertBefore(fresh, later ? later[1] : null);
  }
  chat.items.set(message.message_id, fresh);
  if (!existing || atEnd) scrollToEnd(chat);
}

function drawMenu(chat) {
  const { commands, menuButton } = chat.view;
  const list = $(".menu-list", chat.el);
  list.replaceChildren(
    ...commands.map(({ command, description }) => {
      const item = el("li");
      const choice = el("button", "menu-item");
      choice.type = "button";
      choice.append(el("span", "menu-command", `/${command}`), el("span", "menu-description", description));
      choice.addEventListener("click", () => {
        list.hidden = true;
        void send(chat, `/${command}`);
      });
      item.append(choice);
      return item;
    }),
  );
  $(".menu", chat.el).hidden = commands.length === 0;
  const webApp = $(".menu-webapp", chat.el);
  webApp.hidden = menuButton.type !== "web_app";
  if (menuButton.type === "web_app") webApp.textContent = menuButton.text;
}

function drawReplyKeyboard(chat) {
  const box = $(".reply-keyboard", chat.el);
  const keyboard = chat.view.replyKeyboard;
  box.hidden = !keyboard;
  box.replaceChildren(
    ...(keyboard?.keyboard ?? []).map((buttons) => {
      const line = el("div", "reply-row");
      for (const button of buttons) {
        const node = el("button", "reply-button", button.text);
        node.type = "button";
        node.addEventListener("click", () => void send(chat, button.text));
        line.append(node);
      }
      return line;
    }),
  );
}

/** Header, start button and composer of a chat (everything but the messages). */
function drawChatFrame(chat) {
  const { user, role } = chat.view;
  $(".name", chat.el).textContent = [user.firstName, user.lastName].filter(Boolean).join(" ");
  $(".role", chat.el).textContent = role === "practitioner" ? `Practitioner (admin) · id ${user.id}` : `Customer · id ${user.id}`;
  chat.el.dataset.role = role;
  chat.el.dataset.userId = String(user.id);
  const select = $(".language", chat.el);
  select.value = user.languageCode;
  $(".start", chat.el).hidden = user.started;
  $(".composer", chat.el).hidden = !user.started;
  $(".webapp-open", chat.el).hidden = !webAppUrl;
  drawMenu(chat);
  drawReplyKeyboard(chat);
}

function createChat(view) {
  const node = $("#chat-template").content.firstElementChild.cloneNode(true);
  const chat = { view, el: node, items: new Map(), pending: new Map(), toastTimer: undefined };
  const select = $(".language", node);
  for (const code of languages) {
    const option = el("option", undefined, LANGUAGE_NAMES[code] ?? code);
    option.value = code;
    select.append(option);
  }
  select.addEventListener("change", async () => {
    try {
      await post(`/api/chats/${chat.view.user.id}/language`, { languageCode: select.value });
    } catch (error) {
      showToast(chat, error.message);
    }
  });
  $(".start-button", node).addEventListener("click", () => void send(chat, "/start"));
  $(".alert-ok", node).addEventListener("click", () => ($(".alert", node).hidden = true));
  $(".webapp-open", node).addEventListener("click", () => void openWebApp(chat, webAppUrl));
  $(".menu-webapp", node).addEventListener("click", () => {
    if (chat.view.menuButton.type === "web_app") void openWebApp(chat, chat.view.menuButton.web_app.url);
  });
  const menu = $(".menu", node);
  menu.addEventListener("click", () => {
    const list = $(".menu-list", node);
    list.hidden = !list.hidden;
    menu.setAttribute("aria-expanded", String(!list.hidden));
  });
  $(".composer", node).addEventListener("submit", async (event) => {
    event.preventDefault();
    const input = $(".composer-input", node);
    const text = input.value.trim();
    if (!text) return;
    input.value = "";
    await send(chat, text);
    input.focus();
  });
  return chat;
}

/** Puts a chat on the page (customers first, the practitioner last), or redraws it. */
function upsertChat(view) {
  let chat = chats.get(view.user.id);
  if (!chat) {
    chat = createChat(view);
    chats.set(view.user.id, chat);
    const container = $("#chats");
    const practitioner = container.querySelector('.chat[data-role="practitioner"]');
    container.insertBefore(chat.el, view.role === "customer" ? practitioner : null);
  }
  chat.view = view;
  drawChatFrame(chat);
  const ids = new Set(view.messages.map((m) => m.message_id));
  for (const [id, item] of chat.items) {
    if (!ids.has(id)) {
      item.remove();
      chat.items.delete(id);
    }
  }
  for (const message of view.messages) upsertMessage(chat, message);
}

function logRefusal(event) {
  const list = $("#refused");
  list.append(el("li", undefined, `${event.method}: ${event.errorCode} ${event.description}`));
  $("#refused-count").textContent = String(list.children.length);
}

function handle(event) {
  const chat = event.chatId !== undefined ? chats.get(event.chatId) : undefined;
  switch (event.type) {
    case "snapshot":
      webAppUrl = event.webAppUrl;
      languages = event.languages;
      $("#notice").textContent = event.notice;
      for (const view of event.chats) upsertChat(view);
      if (event.bot.polling) setStatus("running", `Bot running: @${event.bot.username}`);
      else setStatus("waiting", "Waiting for the bot to start…");
      break;
    case "chat":
      upsertChat(event.chat);
      break;
    case "message":
      if (chat) upsertMessage(chat, event.message);
      break;
    case "delete":
      if (chat) {
        chat.items.get(event.messageId)?.remove();
        chat.items.delete(event.messageId);
      }
      break;
    case "menus":
      for (const [id, menu] of Object.entries(event.menus)) {
        const target = chats.get(Number(id));
        if (!target) continue;
        target.view = { ...target.view, ...menu };
        drawMenu(target);
      }
      break;
    case "replyKeyboard":
      if (chat) {
        chat.view = { ...chat.view, replyKeyboard: event.keyboard ?? null };
        drawReplyKeyboard(chat);
      }
      break;
    case "answer":
      if (chat) {
        chat.pending.get(event.queryId)?.classList.remove("pending");
        chat.pending.delete(event.queryId);
        if (event.text && event.showAlert) showAlert(chat, event.text);
        else if (event.text) showToast(chat, event.text);
      }
      break;
    case "polling":
      setStatus("running", "Bot running");
      break;
    case "refused":
      logRefusal(event);
      break;
  }
}

function connect() {
  const source = new EventSource("/api/events");
  source.addEventListener("message", (message) => handle(JSON.parse(message.data)));
  source.addEventListener("error", () => setStatus("waiting", "Connection to the demo lost – retrying…"));
}

$("#add-customer").addEventListener("click", async () => {
  try {
    await post("/api/customers", { languageCode: "fi" });
  } catch (error) {
    setStatus("waiting", `Could not add a customer: ${error.message}`);
  }
});
$("#webapp-close").addEventListener("click", () => {
  $("#webapp-panel").hidden = true;
  $("#webapp-frame").src = "about:blank";
});
connect();
