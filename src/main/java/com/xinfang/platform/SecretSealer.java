package com.xinfang.platform;

/** Encrypts what platform code must store but may not keep in clear (implemented by the privacy module). */
public interface SecretSealer {

	byte[] seal(String plain);

	String open(byte[] sealed);

}
