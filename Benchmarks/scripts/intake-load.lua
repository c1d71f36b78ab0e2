-- wrk script: POST a DataSourceRefreshFailed event with the home's intake token (TOKEN env var).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
wrk.body = '{"type": "DataSourceRefreshFailed", "fields": {"dataSourceName": "Webshop", "errorMessage": "row 7: bad date"}}'
