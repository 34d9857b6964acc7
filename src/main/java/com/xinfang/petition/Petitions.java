package com.xinfang.petition;

import java.util.Optional;
import org.springframework.data.repository.CrudRepository;

interface Petitions extends CrudRepository<Petition, Long> {

	Optional<Petition> findByNumber(String number);

}
