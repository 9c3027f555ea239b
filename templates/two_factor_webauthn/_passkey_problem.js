{% load i18n %}{% translate "This passkey or security key is already set up for your account. Use another one, or go back." as already %}{% translate "The browser's request was cancelled or took too long. Try again when you are ready." as cancelled %}{% translate "This browser cannot use passkeys for this site. Use another browser, or another way to sign in." as unsupported %}{% translate "Something went wrong with your passkey or security key. Try again." as other %}{% translate "Try again" as again %}
// Says what went wrong in words people can act on (not the browser's error name), with a
// button that asks the browser again; one message at a time. Loaded by both ceremonies.
function showPasskeyProblem(reason, tryAgain) {
    const messages = {
        InvalidStateError: "{{ already|escapejs }}",
        NotAllowedError: "{{ cancelled|escapejs }}",
        AbortError: "{{ cancelled|escapejs }}",
        NotSupportedError: "{{ unsupported|escapejs }}",
        SecurityError: "{{ unsupported|escapejs }}",
    };
    console.debug("Passkey error: ", reason);
    const form = document.querySelector(".signin-passkey-form");
    let box = document.getElementById("passkey-problem");
    if (!box) {
        box = document.createElement("div");
        box.id = "passkey-problem";
        box.setAttribute("role", "alert");
        form.parentNode.insertBefore(box, form);
    }
    box.replaceChildren();
    const text = document.createElement("p");
    text.className = "errornote";
    text.textContent = messages[reason && reason.name] || "{{ other|escapejs }}";
    const button = document.createElement("button");
    button.type = "button";
    button.className = "button";
    button.textContent = "{{ again|escapejs }}";
    button.addEventListener("click", () => {
        box.replaceChildren();
        tryAgain();
    });
    box.append(text, button);
}
