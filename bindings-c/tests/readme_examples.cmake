# The README shows examples/example.c and examples/example.cpp verbatim;
# this check keeps the documented code identical to the code ctest runs.
file(READ "${README}" readme)
foreach(example IN LISTS EXAMPLES)
  file(READ "${example}" code)
  string(FIND "${readme}" "${code}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "README.md does not contain ${example} verbatim")
  endif()
endforeach()
