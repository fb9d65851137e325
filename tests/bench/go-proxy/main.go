// The smallest Go gateway: read the body, forward it over a keep-alive pool, copy the answer back
// chunk by chunk. Run beside the real gateways, it shows what one extra Go hop costs on the
// benchmark's machine, the floor a Go gateway (Bifrost's language) starts from.
package main

import (
	"bytes"
	"io"
	"net/http"
	"os"
)

func main() {
	upstream := os.Getenv("UPSTREAM_URL")
	client := &http.Client{Transport: &http.Transport{MaxIdleConns: 256, MaxIdleConnsPerHost: 256}}
	forward := func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(r.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		request, err := http.NewRequest(http.MethodPost, upstream, bytes.NewReader(body))
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		request.Header.Set("content-type", "application/json")
		request.Header.Set("authorization", r.Header.Get("authorization"))
		answer, err := client.Do(request)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		defer answer.Body.Close()
		w.Header().Set("content-type", answer.Header.Get("content-type"))
		w.WriteHeader(answer.StatusCode)
		// Flushed per read, as a streaming gateway must: event-stream chunks reach the caller as
		// they arrive instead of when a buffer fills.
		flusher, _ := w.(http.Flusher)
		buffer := make([]byte, 32*1024)
		for {
			n, readErr := answer.Body.Read(buffer)
			if n > 0 {
				if _, err := w.Write(buffer[:n]); err != nil {
					return
				}
				if flusher != nil {
					flusher.Flush()
				}
			}
			if readErr != nil {
				return
			}
		}
	}
	if err := http.ListenAndServe("127.0.0.1:"+os.Getenv("PORT"), http.HandlerFunc(forward)); err != nil {
		os.Stderr.WriteString(err.Error() + "\n")
		os.Exit(1)
	}
}
