{% comment %}django-two-factor-auth's WebAuthn script (two_factor_webauthn/create_credential.js), with
messages people can act on and a way to try again (_passkey_problem.js).{% endcomment %}{% include "two_factor_webauthn/_passkey_problem.js" %}
let credentialCreationOptions = {{ credential_creation_options|safe }};

credentialCreationOptions.challenge = b64str2ab(credentialCreationOptions.challenge);
for (let i = 0; i < credentialCreationOptions.excludeCredentials.length; i++) {
    credentialCreationOptions.excludeCredentials[i].id = b64str2ab(credentialCreationOptions.excludeCredentials[i].id);
}
credentialCreationOptions.user.id = b64str2ab(credentialCreationOptions.user.id);

function createPasskey() {
    navigator.credentials.create({
        publicKey: credentialCreationOptions
    }).then((attestationCredential) => {
        let response = attestationCredential.response,
            serializableAttestationCredential = {
                id: attestationCredential.id,
                rawId: ab2str(attestationCredential.rawId),
                response: {
                    clientDataJSON: ab2str(response.clientDataJSON),
                    attestationObject: ab2str(response.attestationObject),
                },
                type: attestationCredential.type,
            },
            tokenField = document.querySelector('[name=webauthn-token]');

        tokenField.value = JSON.stringify(serializableAttestationCredential);
        tokenField.closest('form').submit();
    }, (reason) => showPasskeyProblem(reason, createPasskey));
}

createPasskey();
