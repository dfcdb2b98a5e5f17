// A stand-in for Stripe.js (https://js.stripe.com/<release>/stripe.js) in the end-to-end tests,
// which never reach the internet: finance.spec.ts serves it with page.route. It implements the
// part of Stripe.js the storefront uses: Stripe(publishableKey), elements({ clientSecret }),
// create('payment').mount(node) and confirmPayment({ elements }), which confirms the
// PaymentIntent through Stripe's API address (routed by the test to a stand-in of the API).
(function () {
  function paymentIntentId(clientSecret) {
    return String(clientSecret).split('_secret_')[0];
  }

  function Stripe(publishableKey) {
    var clientSecret = null;
    return {
      elements: function (options) {
        clientSecret = options && options.clientSecret;
        return {
          create: function (type) {
            if (type !== 'payment') throw new Error('The stand-in has only the Payment Element');
            return {
              mount: function (node) {
                var label = document.createElement('label');
                label.textContent = 'Card number';
                var input = document.createElement('input');
                input.name = 'cardnumber';
                input.value = '4242 4242 4242 4242';
                input.setAttribute('data-testid', 'standin-card-number');
                label.appendChild(input);
                node.appendChild(label);
              },
            };
          },
        };
      },
      confirmPayment: function () {
        var id = paymentIntentId(clientSecret);
        return fetch('https://api.stripe.com/v1/payment_intents/' + encodeURIComponent(id) + '/confirm', {
          method: 'POST',
          headers: { Authorization: 'Bearer ' + publishableKey, 'Content-Type': 'application/x-www-form-urlencoded' },
          body: 'client_secret=' + encodeURIComponent(clientSecret) + '&payment_method=pm_card_visa',
        })
          .then(function (response) {
            return response.json();
          })
          .then(function (body) {
            if (body.error) return { error: body.error };
            return { paymentIntent: body };
          });
      },
    };
  }
  Stripe.version = 'endive';
  window.Stripe = Stripe;
})();
