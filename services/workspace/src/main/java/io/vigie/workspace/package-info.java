/** Workspace service: the agents' OIDC-secured API over the conversations routed to their centre. */
package io.vigie.workspace;
