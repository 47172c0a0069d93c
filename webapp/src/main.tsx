import { render } from "preact";
import { App } from "./app.js";
import { followTheme, webApp } from "./telegram.js";
import "./style.css";

const telegram = webApp();
followTheme(telegram);
telegram?.ready();
telegram?.expand?.();
const root = document.getElementById("app")!;
root.removeAttribute("aria-busy");
render(<App initData={telegram?.initData ?? ""} />, root);
