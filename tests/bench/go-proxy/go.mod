module switchyard/bench/go-proxy

go 1.19
