# Included by the embedding scripts: sets OUT_VAR to TEXT as adjacent raw string literals of at
# most 8000 characters each (compilers limit the length of one literal token).
function(accord_raw_literals text out_var)
  string(LENGTH "${text}" len)
  set(pos 0)
  set(chunks "")
  while(pos LESS len)
    string(SUBSTRING "${text}" ${pos} 8000 chunk)
    string(APPEND chunks "R\"ACCORD_EMBED(${chunk})ACCORD_EMBED\"\n")
    math(EXPR pos "${pos} + 8000")
  endwhile()
  set(${out_var} "${chunks}" PARENT_SCOPE)
endfunction()
