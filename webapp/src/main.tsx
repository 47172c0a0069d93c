import { render } from "preact";
import { App } from "./app.js";
import { followTheme, launchData, webApp } from "./telegram.js";
import "./style.css";

const telegram = webApp();
const launch = launchData(telegram);
followTheme(telegram, launch.themeParams);
telegram?.ready();
telegram?.expand?.();
const root = document.getElementById("app")!;
root.removeAttribute("aria-busy");
render(<App initData={launch.initData} />, root);
