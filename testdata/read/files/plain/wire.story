Rebels took the airport on Sunday. Flights were cancelled.
