import { render } from "preact";
import { App } from "./app.js";
import { adoptPathRoute } from "./route.js";
import "./styles.css";

adoptPathRoute();
render(<App />, document.getElementById("app") as HTMLElement);
