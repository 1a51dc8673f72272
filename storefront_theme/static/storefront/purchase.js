/* Progressive enhancement for the purchase pages; every form works without it. */
(function () {
  "use strict";

  // Commune picker: refill the commune list when the province changes.
  var province = document.querySelector("select[data-communes-url]");
  var commune = document.getElementById("id_city");
  if (province && commune) {
    var refresh = document.querySelector("[data-province-refresh]");
    if (refresh) refresh.hidden = true;
    var loadCommunes = function () {
      var placeholder = commune.options[0];
      commune.length = 0;
      commune.appendChild(placeholder);
      if (!province.value) return;
      fetch(province.dataset.communesUrl + encodeURIComponent(province.value) + "/")
        .then(function (response) { return response.json(); })
        .then(function (data) {
          (data.communes || []).forEach(function (ward) {
            commune.appendChild(new Option(ward.name, ward.code));
          });
        });
    };
    province.addEventListener("change", loadCommunes);
    // A province picked before this (deferred) script ran left the commune list empty.
    if (province.value && commune.options.length <= 1) loadCommunes();
  }

  // One click places one order: the server is idempotent anyway, this spares a round trip.
  document.querySelectorAll("[data-place-order]").forEach(function (button) {
    button.form.addEventListener("submit", function (event) {
      if (event.submitter !== button) return;
      if (button.dataset.sent) { event.preventDefault(); return; }
      button.dataset.sent = "1";
    });
  });

  // VietQR: reload the order page once the transfer is recorded.
  var waiting = document.querySelector("[data-status-url]");
  if (waiting) {
    var poll = function () {
      fetch(waiting.dataset.statusUrl, { headers: { Accept: "application/json" } })
        .then(function (response) { return response.json(); })
        .then(function (data) {
          if (data.paid) { window.location.reload(); } else { setTimeout(poll, 5000); }
        })
        .catch(function () { setTimeout(poll, 15000); });
    };
    setTimeout(poll, 5000);
  }

  // Card payments through Stripe Elements (only rendered when Stripe is configured).
  var card = document.querySelector("[data-client-secret]");
  if (card && window.Stripe) {
    var stripe = window.Stripe(card.dataset.stripeKey);
    var elements = stripe.elements({ clientSecret: card.dataset.clientSecret });
    elements.create("payment").mount("#stripe-payment-element");
    card.querySelector("[data-stripe-pay]").addEventListener("click", function () {
      stripe.confirmPayment({ elements: elements, confirmParams: { return_url: window.location.href } })
        .then(function (result) {
          if (result.error) card.querySelector("[data-stripe-error]").textContent = result.error.message;
        });
    });
  }
})();
