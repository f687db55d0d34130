/* A small OpenAPI viewer, so /docs works with no internet (FastAPI's default page loads Swagger UI
 * from a CDN). Everything from the schema is placed with textContent. */
"use strict";

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined) continue;
    if (k === "class") node.className = v; else node.setAttribute(k, String(v));
  }
  for (const c of children) if (c !== null && c !== undefined) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

function typeOf(schema) {
  if (!schema) return "";
  if (schema.$ref) return schema.$ref.split("/").pop();
  if (schema.anyOf) return schema.anyOf.map(typeOf).join(" | ");
  if (schema.oneOf) return schema.oneOf.map(typeOf).join(" | ");
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (schema.type === "array") return typeOf(schema.items) + "[]";
  let t = schema.type || (schema.const !== undefined ? JSON.stringify(schema.const) : "any");
  const limits = [];
  if (schema.minimum !== undefined) limits.push("≥ " + schema.minimum);
  if (schema.maximum !== undefined) limits.push("≤ " + schema.maximum);
  if (schema.maxLength !== undefined) limits.push("max " + schema.maxLength + " chars");
  if (schema.pattern) limits.push("pattern " + schema.pattern);
  return limits.length ? `${t} (${limits.join(", ")})` : t;
}

function schemaLink(schema) {
  const name = typeOf(schema);
  const refs = JSON.stringify(schema || {}).match(/#\/components\/schemas\/[A-Za-z0-9_]+/g) || [];
  if (!refs.length) return el("code", {}, name);
  const span = el("span", {});
  span.append(el("code", {}, name), " — see ");
  Array.from(new Set(refs)).forEach((r, i) => {
    const n = r.split("/").pop();
    if (i) span.append(", ");
    span.append(el("a", {href: "#schema-" + n}, n));
  });
  return span;
}

async function main() {
  const status = document.getElementById("docs-status");
  let spec;
  try {
    const res = await fetch("/openapi.json");
    spec = await res.json();
  } catch (e) {
    status.textContent = "Could not load /openapi.json: " + e.message;
    return;
  }
  status.textContent = `${spec.info.title} ${spec.info.version}${spec.info.summary ? " — " + spec.info.summary : ""}`;
  const toc = document.getElementById("docs-toc"), ops = document.getElementById("docs-ops");
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const id = (method + path).replace(/[^A-Za-z0-9]+/g, "-");
      toc.append(el("li", {}, el("a", {href: "#" + id}, `${method.toUpperCase()} ${path}`), op.summary ? ` — ${op.summary}` : ""));
      const box = el("section", {class: "doc-op", id, "aria-labelledby": id + "-h"});
      box.append(el("h3", {id: id + "-h"}, el("span", {class: "method " + method}, method.toUpperCase()), path));
      if (op.description) box.append(el("p", {}, op.description));
      if (op.parameters && op.parameters.length) {
        const tbody = el("tbody", {});
        for (const p of op.parameters) {
          tbody.append(el("tr", {}, el("td", {}, el("code", {}, p.name)), el("td", {}, p.in), el("td", {}, p.required ? "yes" : ""),
            el("td", {}, typeOf(p.schema)), el("td", {}, p.description || (p.schema && p.schema.description) || "")));
        }
        box.append(el("h4", {}, "Parameters"), el("table", {}, el("thead", {}, el("tr", {},
          ...["name", "in", "required", "type", "description"].map((h) => el("th", {scope: "col"}, h)))), tbody));
      }
      if (op.requestBody) {
        const content = op.requestBody.content || {};
        for (const [type, c] of Object.entries(content)) box.append(el("h4", {}, "Request body"), el("p", {}, type + ": ", schemaLink(c.schema)));
      }
      const rl = el("ul", {});
      for (const [code, r] of Object.entries(op.responses || {})) {
        const c = r.content || {};
        const first = Object.entries(c)[0];
        rl.append(el("li", {}, el("strong", {}, code), " ", r.description || "", first && first[1].schema ? el("span", {}, " — ", schemaLink(first[1].schema)) : ""));
      }
      box.append(el("h4", {}, "Responses"), rl);
      ops.append(box);
    }
  }
  const schemas = document.getElementById("docs-schemas");
  for (const [name, s] of Object.entries((spec.components || {}).schemas || {})) {
    const box = el("section", {class: "doc-op", id: "schema-" + name});
    box.append(el("h3", {}, name));
    if (s.description) box.append(el("p", {}, s.description));
    if (s.properties) {
      const tbody = el("tbody", {});
      const req = new Set(s.required || []);
      for (const [k, v] of Object.entries(s.properties)) {
        tbody.append(el("tr", {}, el("td", {}, el("code", {}, k)), el("td", {}, req.has(k) ? "yes" : ""), el("td", {}, schemaLink(v)),
          el("td", {}, v.description || "")));
      }
      box.append(el("table", {}, el("thead", {}, el("tr", {}, ...["field", "required", "type", "description"].map((h) => el("th", {scope: "col"}, h)))), tbody));
    } else {
      box.append(el("pre", {}, JSON.stringify(s, null, 2)));
    }
    schemas.append(box);
  }
}

document.addEventListener("DOMContentLoaded", main);
