{% comment %}django-two-factor-auth's WebAuthn script (two_factor_webauthn/get_credential.js), with
messages people can act on and a way to try again (_passkey_problem.js).{% endcomment %}{% include "two_factor_webauthn/_passkey_problem.js" %}
let credentialRequestOptions = {{ credential_request_options|safe }};

credentialRequestOptions.challenge = b64str2ab(credentialRequestOptions.challenge);
for (let i = 0; i < credentialRequestOptions.allowCredentials.length; i++) {
    credentialRequestOptions.allowCredentials[i].id = b64str2ab(credentialRequestOptions.allowCredentials[i].id);
}

function getPasskey() {
    navigator.credentials.get({
        publicKey: credentialRequestOptions
    }).then((assertionCredential) => {
        let response = assertionCredential.response,
            serializableAssertionCredential = {
                id: assertionCredential.id,
                rawId: ab2str(assertionCredential.rawId),
                response: {
                    clientDataJSON: ab2str(response.clientDataJSON),
                    authenticatorData: ab2str(response.authenticatorData),
                    signature: ab2str(response.signature),
                    userHandle: ab2str(response.userHandle),
                },
                type: assertionCredential.type,
            },
            tokenField = document.querySelector('[name=token-otp_token]');

        tokenField.value = JSON.stringify(serializableAssertionCredential);
        tokenField.closest('form').submit();
    }, (reason) => showPasskeyProblem(reason, getPasskey));
}

getPasskey();
