/** Centres service: the regional language centres of a deployment, their status and the war-room wall. */
package io.vigie.centres;
