// Boots the workspace: log in through the OIDC provider (authorization code + PKCE), then start the app.
import Keycloak from '/vendor/keycloak-js/keycloak.js';
import './vigie-app.js';

const config = await (await fetch('/api/ui-config')).json();
const [url, realm] = config.oidcUrl.split('/realms/');
const keycloak = new Keycloak({ url, realm, clientId: config.clientId });
await keycloak.init({ onLoad: 'login-required', pkceMethod: 'S256', checkLoginIframe: false, responseMode: 'fragment' });
document.getElementById('app').start(keycloak);
