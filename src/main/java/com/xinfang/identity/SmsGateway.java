package com.xinfang.identity;

/**
 * The external SMS service, called only by the outbox dispatcher. The development implementation
 * writes each message to the log; a deployment plugs in the operator's gateway.
 */
public interface SmsGateway {

	void send(String phone, String text) throws Exception;

}
