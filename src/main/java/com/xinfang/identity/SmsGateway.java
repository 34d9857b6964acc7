package com.xinfang.identity;

/**
 * The external SMS service. The development implementation writes each message to the log and
 * to an outbox that administrators can read; a deployment plugs in the operator's gateway.
 */
public interface SmsGateway {

	void send(String phone, String text);

}
