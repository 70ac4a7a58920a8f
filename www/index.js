// Lists the fixture pages from sites.json: plain (this server) and with a strict CSP.
"use strict";
fetch("/sites.json")
  .then((r) => r.json())
  .then(({ sites }) => {
    const ul = document.getElementById("fixtures");
    for (const s of sites) {
      const li = document.createElement("li");
      const plain = document.createElement("a");
      plain.href = "/" + s.page;
      plain.textContent = s.name;
      const csp = document.createElement("a");
      csp.href = "/" + s.page + "?csp=script";
      csp.textContent = "with CSP script-src 'self'";
      const hosts = document.createElement("div");
      hosts.innerHTML = "Under its real host name: <code></code>";
      hosts.querySelector("code").textContent = "https://" + s.hosts[0] + s.path;
      li.append(plain, " · ", csp, hosts);
      ul.append(li);
    }
  });
