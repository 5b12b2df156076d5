package io.cpy2j.demo.web;

import io.cpy2j.TwinException;
import io.cpy2j.demo.modern.ModernUnavailableException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Every failure of the demo's API as a short JSON the page shows: never a blank answer. */
@RestControllerAdvice
class ApiErrors {

    private static final Log log = LogFactory.getLog(ApiErrors.class);

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ApiError> badRequest(IllegalArgumentException e) {
        return answer(HttpStatus.BAD_REQUEST, e);
    }

    @ExceptionHandler({ModernUnavailableException.class, TwinException.class})
    ResponseEntity<ApiError> unavailable(RuntimeException e) {
        return answer(HttpStatus.SERVICE_UNAVAILABLE, e);
    }

    /** Spring MVC's own (no such resource, wrong method) keep their status; anything else is a bug: logged. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> failed(Exception e) {
        if (e instanceof ErrorResponse response) {
            return answer(response.getStatusCode(), e);
        }
        log.warn("Demo request failed", e);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR, e);
    }

    private static ResponseEntity<ApiError> answer(HttpStatusCode status, Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(new ApiError(message, e.getClass().getName(), status.value()));
    }

    /** What the page shows for a failed action. */
    record ApiError(String error, String type, int status) {
    }
}
